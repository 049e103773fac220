"""Publication figures: each drawn from rows of ``data/``, titled, sourced and captioned.

Every figure is a function registered with :func:`figure`; :func:`render`
draws it in one language and returns a :class:`Rendered` that carries the
matplotlib figure, its title and caption, its source line and the exact rows it
draws (``rows``) with the values it draws (``drawn``), so that tests can read
the plotted values back and compare them with the data. :func:`save` writes
PNG, SVG and PDF (byte-identical across runs) and a caption file, each through
a temporary file and a rename.
"""
import io
import textwrap
from dataclasses import dataclass, field

from . import aggregate, style
from .citation import cite_rows
from .i18n import add_figure_text, label, number, t
from .loader import VIOLATIONS, load
from .package import atomic_write

REGISTRY = {}
SECTIONS = ("overview", "recruitment", "killing", "sexual_violence", "attacks", "abduction_denial",
            "reintegration", "us_assistance", "civilian_harm")
PARAMETERS = {
    "lang": ("en", "fr"),
    "formats": ("png", "svg", "pdf"),
    "context": tuple(style.CONTEXTS),
}


@dataclass
class Rendered:
    id: str
    section: str
    lang: str
    figure: object
    title: str
    caption: str
    source_line: str
    rows: object
    drawn: list = field(default_factory=list)


def figure(fid, section, title_en, title_fr, caption_en, caption_fr):
    """Register a figure function ``f(ctx) -> (fig, rows, drawn)``."""
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}")
    add_figure_text(fid, title_en, title_fr, caption_en, caption_fr)

    def wrap(func):
        REGISTRY[fid] = (section, func)
        return func
    return wrap


def figure_ids(section=None):
    return [f for f, (s, _) in REGISTRY.items() if section is None or s == section]


def check_parameters(lang="en", formats=("png",), dpi=200, context="paper", output_dir=None):
    """Refuse bad parameters at once, naming the parameter and the allowed values."""
    if lang not in PARAMETERS["lang"]:
        raise ValueError(f"parameter 'lang' must be one of {list(PARAMETERS['lang'])}, got {lang!r}")
    if isinstance(formats, str):
        formats = [f.strip() for f in formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in PARAMETERS["formats"]]
    if bad or not formats:
        raise ValueError(f"parameter 'formats' must be a non-empty list of {list(PARAMETERS['formats'])}, got {formats!r}")
    if not isinstance(dpi, int) or isinstance(dpi, bool) or not 50 <= dpi <= 1200:
        raise ValueError(f"parameter 'dpi' must be a whole number from 50 to 1200, got {dpi!r}")
    if context not in PARAMETERS["context"]:
        raise ValueError(f"parameter 'context' must be one of {list(PARAMETERS['context'])}, got {context!r}")
    if output_dir is not None and not isinstance(output_dir, str):
        raise ValueError(f"parameter 'output_dir' must be a folder path (text) or None, got {output_dir!r}")
    return dict(lang=lang, formats=list(formats), dpi=dpi, context=context, output_dir=output_dir)


# ----------------------------------------------------------------------------- helpers
@dataclass
class Ctx:
    lang: str
    context: str

    def t(self, key):
        return t(key, self.lang)

    def n(self, value, decimals=None):
        return number(value, self.lang, decimals)


PROV = ["table", "row_id", "value", "unit", "qualifier", "source_id", "locator", "quote"]


def _prov(frame, table=None):
    out = frame.copy()
    out["table"] = table or frame.attrs.get("dataset", "")
    if "qualifier" not in out:
        out["qualifier"] = "exact"
    if "unit" not in out:
        out["unit"] = ""
    return out[PROV].reset_index(drop=True)


def _concat(*frames):
    import pandas as pd

    return pd.concat([f for f in frames if len(f)], ignore_index=True)


def _new(ctx, ratio=0.55, ncols=1, sharey=False):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, ncols, figsize=style.size(ctx.context, ratio), sharey=sharey)
    return fig, axes


def _qual(ctx, q):
    return ctx.t(f"word.qualifier.{q}") if q and q != "exact" else ""


def _wrap(text, width):
    """Wrap each line of a label on its own (textwrap alone would join the lines)."""
    return "\n".join(textwrap.fill(line, width) for line in str(text).split("\n"))


def _annotate(ax, bars, texts, horizontal, fontsize="small"):
    for bar, text in zip(bars, texts):
        if horizontal:
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                        textcoords="offset points", va="center", ha="left", fontsize=fontsize)
        else:
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), xytext=(0, 2),
                        textcoords="offset points", va="bottom", ha="center", fontsize=fontsize)


def _bars(ax, ctx, labels, values, colour, horizontal=False, texts=None, qualifiers=None, decimals=None):
    """Plain bars with their values printed on them; returns the values drawn."""
    values = [float(v) for v in values]
    qualifiers = qualifiers or [""] * len(values)
    if texts is None:
        texts = [_qual(ctx, q) + ctx.n(v, decimals) for v, q in zip(values, qualifiers)]
    pos = list(range(len(values)))
    labels = [_wrap(x, 30 if horizontal else 14) for x in labels]
    if horizontal:
        lines = max([lab.count("\n") + 1 for lab in labels] + [1])
        need = len(values) * (0.13 + 0.16 * lines) * style.CONTEXTS[getattr(ctx, "context", "paper")] + 1.7
        if ax.figure.get_figheight() < need and len(ax.figure.axes) == 1:
            ax.figure.set_figheight(round(need, 2))
        bars = ax.barh(pos, values, color=colour, height=0.7)
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.set_xlim(0, max(values + [1]) * 1.18)
    else:
        bars = ax.bar(pos, values, color=colour, width=0.7)
        ax.set_xticks(pos, labels)
        ax.grid(axis="x", visible=False)
        ax.set_ylim(0, max(values + [1]) * 1.15)
    _annotate(ax, bars, texts, horizontal)
    return values


def _grouped(ax, ctx, groups, series, colours, texts=None):
    """Side-by-side bars: ``series`` is {name: [value per group]} (None = no bar)."""
    k = len(series)
    width = 0.8 / k
    drawn = []
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (k - 1) / 2) * width for g in range(len(groups))]
        keep = [(x, v) for x, v in zip(xs, values) if v is not None]
        bars = ax.bar([x for x, _ in keep], [v for _, v in keep], width=width * 0.95, color=colours[i], label=name)
        labels = [ctx.n(v) for _, v in keep] if texts is None else texts[i]
        _annotate(ax, bars, labels, False, "small" if k < 4 else "xx-small")
        drawn += [float(v) for _, v in keep]
    ax.set_xticks(range(len(groups)), [_wrap(g, 13) for g in groups])
    ax.grid(axis="x", visible=False)
    top = max([v for vals in series.values() for v in vals if v is not None] + [1])
    ax.set_ylim(0, top * 1.15)
    _legend(ax, k)
    return drawn


def _legend(ax, n, fontsize="small"):
    """Legend above the plot, outside the axes, so that it never covers a bar."""
    ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(n, 3), fontsize=fontsize,
              handlelength=1.2, columnspacing=1.0, borderaxespad=0.2)


def _finish(fig, ctx, fid, rows, note=None):
    """Title, source line (and note) under the plot, fixed layout."""
    if len(rows) == 0:
        raise ValueError(f"figure {fid!r} draws no rows of data/: refusing to draw an empty figure")
    title = ctx.t(f"fig.{fid}.title")
    source = cite_rows(rows, prefix=ctx.t("word.source") + ": ")
    width_chars = int(style.WIDTH[ctx.context] * 15 / style.CONTEXTS[ctx.context])
    lines = textwrap.wrap(source, width_chars)
    if note:
        lines += textwrap.wrap(note, width_chars)
    title_chars = int(style.WIDTH[ctx.context] * 8.5 / style.CONTEXTS[ctx.context])
    fig.suptitle(textwrap.fill(title, title_chars), x=0.01, ha="left", fontweight="bold",
                 fontsize="large")
    h = fig.get_figheight()
    line_h = 0.17 * style.CONTEXTS[ctx.context] / h
    bottom = line_h * (len(lines) + 0.6)
    fig.text(0.01, 0.012, "\n".join(lines), ha="left", va="bottom", fontsize="small", color=style.GREY)
    n_title = len(textwrap.wrap(title, title_chars))
    top = 1 - (0.24 * n_title * style.CONTEXTS[ctx.context] + 0.06) / h
    fig.tight_layout(rect=(0, bottom, 1, top))
    return source


def _gv_breakdown(dimension, violation, **fixed):
    return aggregate.breakdown("grave_violations", dimension, violation=violation, **fixed)


def _period_figure(ctx, fid, parts, colour, unit_axis, note_key="word.different_lengths"):
    """Counts by period beside rates per month: periods of different length."""
    parts = aggregate.per_month(parts.sort_values("period"))
    fig, (a1, a2) = _new(ctx, 0.5, ncols=2)
    labels = [label("period", p, ctx.lang) for p in parts["period"]]
    drawn = _bars(a1, ctx, labels, parts["value"], colour)
    a1.set_ylabel(ctx.t(unit_axis))
    drawn += _bars(a2, ctx, labels, parts["per_month"], colour, decimals=1)
    a2.set_ylabel(ctx.t("axis.per_month"))
    for ax in (a1, a2):
        ax.tick_params(axis="x", labelsize="small")
    rows = _prov(parts, "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t(note_key))
    return fig, rows, drawn


def _hbar_breakdown(ctx, fid, parts, dimension, colour, axis_key, sort=True, ratio=None, table="grave_violations"):
    if sort:
        parts = parts.sort_values("value", ascending=False, kind="stable")
    labels = [label(dimension, c, ctx.lang) for c in parts[dimension]]
    fig, ax = _new(ctx, ratio or max(0.35, 0.06 * len(parts) + 0.15))
    drawn = _bars(ax, ctx, labels, parts["value"], colour, horizontal=True,
                  qualifiers=list(parts["qualifier"].astype(str)))
    ax.set_xlabel(ctx.t(axis_key))
    rows = _prov(parts, table)
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


C = style.VIOLATION_COLOURS


# ----------------------------------------------------------------------------- overview
@figure("overview_totals", "overview",
        "Verified grave violations against children in Mali, July 2017 to March 2020",
        "Violations graves vérifiées contre des enfants au Mali, juillet 2017 à mars 2020",
        "The six grave violations verified by the UN country task force in the 33 months of the report, 1,764 in all. "
        "Each is counted in the report's own unit: cases of recruitment, children killed or maimed, girls subjected to sexual violence, "
        "attacks, children abducted, incidents of denial of access.",
        "Les six violations graves vérifiées par l'équipe spéciale de pays des Nations Unies pendant les 33 mois du rapport, 1 764 au total. "
        "Chacune est comptée dans l'unité du rapport : cas de recrutement, enfants tués ou mutilés, filles victimes de violences sexuelles, "
        "attaques, enfants enlevés, incidents de refus d'accès.")
def _overview_totals(ctx):
    from .reconcile import HEADLINE_UNITS

    gv = load("grave_violations")
    base = gv[(gv.period == "all") & (gv.region == "all") & (gv.perpetrator == "all") & (gv.sex == "all")
              & (gv.subtype == "all") & (gv.cause == "all") & (gv.outcome == "all") & gv.restates.isna()]
    rows = []
    for v in VIOLATIONS:
        sel = base[(base.violation == v) & (base.unit == HEADLINE_UNITS[v][0])]
        rows.append(sel)
    import pandas as pd

    parts = pd.concat(rows)
    labels = [f"{label('violation', v, ctx.lang)}\n({ctx.t('unit.' + u)})" for v, u in zip(parts.violation, parts.unit)]
    fig, ax = _new(ctx, 0.5)
    drawn = _bars(ax, ctx, labels, parts["value"], [C[v] for v in parts.violation], horizontal=True)
    ax.set_xlabel(ctx.t("axis.count"))
    prov = _prov(parts, "grave_violations")
    _finish(fig, ctx, "overview_totals", prov, note=ctx.t("word.underreporting"))
    return fig, prov, drawn


@figure("overview_by_period", "overview",
        "Verified violations per month, by violation and period",
        "Violations vérifiées par mois, par violation et par période",
        "Monthly averages of the violations verified in each period of the report; the periods are 6, 12, 12 and 3 months long, "
        "so the averages, not the raw counts, are comparable. The number printed on each bar is the raw count.",
        "Moyennes mensuelles des violations vérifiées dans chaque période du rapport ; les périodes durent 6, 12, 12 et 3 mois : "
        "ce sont les moyennes, non les nombres bruts, qui se comparent. Le nombre inscrit sur chaque barre est le nombre brut.")
def _overview_by_period(ctx):
    import pandas as pd

    frames, series, texts = [], {}, []
    periods = None
    for v in VIOLATIONS:
        if v == "attacks_on_schools_and_hospitals":
            sch = aggregate.per_month(_gv_breakdown("period", v, subtype="schools")).sort_values("period")
            hos = aggregate.per_month(_gv_breakdown("period", v, subtype="hospitals")).sort_values("period")
            frames += [sch, hos]
            values = list(sch["value"].to_numpy() + hos["value"].to_numpy())
            months = list(sch["months"])
            per = [a / m for a, m in zip(values, months)]
        else:
            parts = aggregate.per_month(_gv_breakdown("period", v)).sort_values("period")
            frames.append(parts)
            values, per = list(parts["value"]), list(parts["per_month"])
        periods = periods or [p for p in (frames[-1]["period"])]
        series[label("violation", v, ctx.lang)] = per
        texts.append([ctx.n(x) for x in values])
    fig, ax = _new(ctx, 0.55)
    groups = [label("period", p, ctx.lang) for p in periods]
    drawn = _grouped(ax, ctx, groups, series, [C[v] for v in VIOLATIONS], texts=texts)
    ax.set_ylabel(ctx.t("axis.per_month"))
    _legend(ax, 6, "x-small")
    rows = _prov(pd.concat(frames), "grave_violations")
    _finish(fig, ctx, "overview_by_period", rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


@figure("overview_regions", "overview",
        "Verified violations by region and type",
        "Violations vérifiées par région et par type",
        "Counts the report states for each region, or that follow from its complete lists (a region absent from a complete list counts zero). "
        "Hatched cells: the report does not state the figure (denial of access in these regions is inside its 'other regions', 53 incidents).",
        "Nombres que le rapport donne pour chaque région, ou qui découlent de ses listes complètes (une région absente d'une liste complète compte zéro). "
        "Cases hachurées : le rapport ne donne pas le chiffre (les refus d'accès dans ces régions sont compris dans ses « autres régions », 53 incidents).")
def _overview_regions(ctx):
    import numpy as np
    import seaborn as sns

    regions = ["Mopti", "Gao", "Kidal", "Timbuktu", "Ménaka", "Ségou", "Koulikoro", "Bamako", "other regions", "outside Mali"]
    table = aggregate.violations_by("region", regions)
    gv = load("grave_violations")
    used = gv[gv.restates.isna() & (gv.period == "all") & (gv.perpetrator == "all") & (gv.sex == "all")
              & (gv.cause == "all") & (gv.outcome == "all") & gv.region.isin(regions)
              & gv.violation.isin(VIOLATIONS) & (gv.unit != "percent")]
    fig, ax = _new(ctx, 0.55)
    data = table.to_numpy(dtype=float)
    sns.heatmap(data, ax=ax, cmap="Blues", annot=True, fmt=".0f", linewidths=0.5, linecolor="white",
                cbar_kws={"label": ctx.t("axis.count")}, mask=np.isnan(data),
                xticklabels=[label("region", r, ctx.lang) for r in regions],
                yticklabels=[label("violation", v, ctx.lang) for v in VIOLATIONS])
    for i, j in zip(*np.where(np.isnan(data))):
        ax.add_patch(__import__("matplotlib").patches.Rectangle((j, i), 1, 1, fill=False, hatch="///",
                                                                 edgecolor=style.LIGHT_GREY, lw=0))
    ax.tick_params(axis="x", rotation=35, labelsize="small")
    ax.tick_params(axis="y", labelsize="small")
    for lab in ax.get_xticklabels():
        lab.set_horizontalalignment("right")
    rows = _prov(used, "grave_violations")
    _finish(fig, ctx, "overview_regions", rows)
    return fig, rows, [float(x) for x in data[~np.isnan(data)]]


@figure("overview_attribution", "overview",
        "Who was responsible: shares of verified violations",
        "Les responsables : part des violations vérifiées",
        "Shares of the 1,764 verified violations as the report states them: more than half could not be attributed to a party. "
        "The shares follow from the counts by party (mali-caac validate checks them).",
        "Parts des 1 764 violations vérifiées telles que le rapport les donne : plus de la moitié n'ont pu être attribuées. "
        "Ces parts découlent des nombres par partie (mali-caac validate les vérifie).")
def _overview_attribution(ctx):
    gv = load("grave_violations")
    parts = gv[(gv.violation == "all") & (gv.unit == "percent") & (gv.period == "all")].copy()
    labels = [ctx.t(f"attribution.{p}") for p in parts.perpetrator]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, parts["value"], [style.GREY, C["all"], C["recruitment_and_use"]],
                  horizontal=True, qualifiers=list(parts["qualifier"].astype(str)),
                  texts=[_qual(ctx, q) + ctx.n(v) + " %" for v, q in zip(parts["value"], parts["qualifier"].astype(str))])
    ax.set_xlabel(ctx.t("axis.percent"))
    ax.set_xlim(0, 100)
    rows = _prov(parts, "grave_violations")
    _finish(fig, ctx, "overview_attribution", rows)
    return fig, rows, drawn


@figure("overview_previous_report", "overview",
        "This report against the previous one, per month",
        "Ce rapport comparé au précédent, par mois",
        "Violations verified per month in the previous report (S/2018/136, 42 months) and in this one (S/2020/1105, 33 months), "
        "as S/2020/1105 quotes them; raw totals on the bars. The previous report's figures are as quoted, and its per-violation figures add up to more than the total it quotes (see the discrepancy register, d-01).",
        "Violations vérifiées par mois dans le rapport précédent (S/2018/136, 42 mois) et dans celui-ci (S/2020/1105, 33 mois), "
        "telles que S/2020/1105 les cite ; totaux bruts sur les barres. Les chiffres du rapport précédent sont ceux que cite S/2020/1105, dont la somme dépasse le total cité (voir le registre des divergences, d-01).")
def _overview_previous(ctx):
    import pandas as pd

    from .reconcile import HEADLINE_UNITS

    gv = load("grave_violations")
    months = {p["period"]: p["months"] for p in load("periods").to_dict("records")}
    base = gv[(gv.region == "all") & (gv.perpetrator == "all") & (gv.sex == "all") & (gv.subtype == "all")
              & (gv.cause == "all") & (gv.outcome == "all") & gv.restates.isna() & gv.violation.isin(VIOLATIONS)]
    now, before, frames = [], [], []
    for v in VIOLATIONS:
        unit = HEADLINE_UNITS[v][0]
        a = base[(base.violation == v) & (base.period == "2014-2017H1") & (base.unit == unit)]
        b = base[(base.violation == v) & (base.period == "all") & (base.unit == unit)]
        frames += [a, b]
        before.append(float(a["value"].iloc[0]))
        now.append(float(b["value"].iloc[0]))
    series = {ctx.t("word.previous_report"): [x / months["2014-2017H1"] for x in before],
              ctx.t("word.this_report"): [x / months["all"] for x in now]}
    texts = [[ctx.n(x) for x in before], [ctx.n(x) for x in now]]
    fig, ax = _new(ctx, 0.55)
    groups = [label("violation", v, ctx.lang) for v in VIOLATIONS]
    drawn = _grouped(ax, ctx, groups, series, [style.LIGHT_GREY, C["all"]], texts=texts)
    ax.tick_params(axis="x", labelsize="x-small")
    ax.set_ylabel(ctx.t("axis.per_month"))
    rows = _prov(pd.concat(frames), "grave_violations")
    _finish(fig, ctx, "overview_previous_report", rows)
    return fig, rows, drawn


# ----------------------------------------------------------------------------- recruitment and deprivation of liberty
@figure("recruitment_by_group", "recruitment",
        "Children recruited and used, by party and coalition",
        "Enfants recrutés et utilisés, par partie et coalition",
        "The 513 children whose recruitment and use was attributed, grouped by coalition: each party's children are counted once, under its coalition "
        "(CMA 202, Platform 151, JNIM 34, as the report states). Three boys were recruited twice, by GATIA and by MNLA: the report counts 516 cases.",
        "Les 513 enfants dont le recrutement et l'utilisation ont été attribués, regroupés par coalition : chaque enfant est compté une fois, sous sa coalition "
        "(CMA 202, Plateforme 151, JNIM 34, comme l'indique le rapport). Trois garçons ont été recrutés deux fois, par le GATIA et par le MNLA : le rapport compte 516 cas.")
def _recruitment_by_group(ctx):
    leaves = _gv_breakdown("perpetrator", "recruitment_and_use", level="leaves")
    groups = aggregate.by_coalition(leaves).sort_values("value", ascending=False, kind="stable")
    labels = [label("perpetrator", g, ctx.lang) for g in groups["group"]]
    fig, ax = _new(ctx, 0.75)
    drawn = _bars(ax, ctx, labels, groups["value"], C["recruitment_and_use"], horizontal=True)
    ax.set_xlabel(ctx.t("axis.children"))
    ax.tick_params(axis="y", labelsize="small")
    rows = _prov(leaves, "grave_violations")
    _finish(fig, ctx, "recruitment_by_group", rows)
    return fig, rows, drawn


@figure("recruitment_by_period", "recruitment",
        "Children recruited and used, by period",
        "Enfants recrutés et utilisés, par période",
        "Children verified as recruited and used in each period (left) and per month (right). The report calls the first three figures cases; "
        "they add up, with the 159 children of 2020, to the 513 children.",
        "Enfants dont le recrutement et l'utilisation ont été vérifiés dans chaque période (à gauche) et par mois (à droite). Le rapport parle de cas pour les trois premiers chiffres ; "
        "avec les 159 enfants de 2020, ils totalisent les 513 enfants.")
def _recruitment_by_period(ctx):
    return _period_figure(ctx, "recruitment_by_period", _gv_breakdown("period", "recruitment_and_use"),
                          C["recruitment_and_use"], "axis.children")


@figure("recruitment_by_region", "recruitment",
        "Children recruited and used, by region",
        "Enfants recrutés et utilisés, par région",
        "Where the 513 children were recruited; 10 were recruited in two neighbouring countries.",
        "Lieu de recrutement des 513 enfants ; 10 ont été recrutés dans deux pays voisins.")
def _recruitment_by_region(ctx):
    return _hbar_breakdown(ctx, "recruitment_by_region", _gv_breakdown("region", "recruitment_and_use"), "region",
                           C["recruitment_and_use"], "axis.children")


@figure("recruitment_by_sex", "recruitment",
        "Girls and boys recruited and used",
        "Filles et garçons recrutés et utilisés",
        "Of the 513 children, 60 were girls (aged 11 to 14, all recruited by armed groups; at least 29 were sexually abused during their association) "
        "and 453 boys, aged 9 to 17.",
        "Sur les 513 enfants, 60 étaient des filles (de 11 à 14 ans, toutes recrutées par des groupes armés ; au moins 29 ont subi des abus sexuels pendant leur association) "
        "et 453 des garçons, de 9 à 17 ans.")
def _recruitment_by_sex(ctx):
    parts = _gv_breakdown("sex", "recruitment_and_use")
    fig, ax = _new(ctx, 0.3)
    drawn = _bars(ax, ctx, [label("sex", s, ctx.lang) for s in parts["sex"]], parts["value"],
                  [style.OKABE_ITO["reddish_purple"], style.OKABE_ITO["blue"]], horizontal=True)
    ax.set_xlabel(ctx.t("axis.children"))
    rows = _prov(parts, "grave_violations")
    _finish(fig, ctx, "recruitment_by_sex", rows)
    return fig, rows, drawn


@figure("detention_captors", "recruitment",
        "Boys captured for alleged association with armed groups, by captor",
        "Garçons capturés pour association présumée avec des groupes armés, par auteur de la capture",
        "The 94 boys, aged 12 to 17, captured by national and international forces and armed groups between 2017 and 2019.",
        "Les 94 garçons de 12 à 17 ans capturés par des forces nationales et internationales et des groupes armés entre 2017 et 2019.")
def _detention_captors(ctx):
    parts = aggregate.breakdown("deprivation_of_liberty", "captor", sex="male")
    return _hbar_breakdown(ctx, "detention_captors", parts, "captor", style.OKABE_ITO["blue"], "axis.children",
                           table="deprivation_of_liberty")


@figure("detention_years_outcomes", "recruitment",
        "Boys captured: year of capture and what became of them",
        "Garçons capturés : année de capture et devenir",
        "Year of capture of the 94 boys (left; the report prints calendar years) and their situation at the time of writing (right): "
        "79 handed over to child protection actors after up to one year of detention, 15 still detained because they are considered adults.",
        "Année de capture des 94 garçons (à gauche ; le rapport donne des années civiles) et leur situation au moment de la rédaction (à droite) : "
        "79 remis aux acteurs de la protection de l'enfance après jusqu'à un an de détention, 15 toujours détenus car considérés comme adultes.")
def _detention_years_outcomes(ctx):
    years = aggregate.breakdown("deprivation_of_liberty", "period", sex="male").sort_values("period")
    outcomes = aggregate.breakdown("deprivation_of_liberty", "outcome", sex="male")
    fig, (a1, a2) = _new(ctx, 0.42, ncols=2)
    drawn = _bars(a1, ctx, [str(p) for p in years["period"]], years["value"], style.OKABE_ITO["blue"])
    a1.set_ylabel(ctx.t("axis.children"))
    drawn += _bars(a2, ctx, [label("outcome", o, ctx.lang).replace(" to ", "\nto ").replace(" aux ", "\naux ")
                             for o in outcomes["outcome"]], outcomes["value"], style.OKABE_ITO["sky_blue"])
    a2.tick_params(axis="x", labelsize="x-small")
    rows = _concat(_prov(years, "deprivation_of_liberty"), _prov(outcomes, "deprivation_of_liberty"))
    _finish(fig, ctx, "detention_years_outcomes", rows)
    return fig, rows, drawn


# ----------------------------------------------------------------------------- killing and maiming
@figure("casualties_cause_period", "killing",
        "Child casualties by cause and period",
        "Enfants victimes par cause et par période",
        "Children killed or maimed in attacks on civilians, direct hostilities and crossfire, and by improvised explosive devices and explosive remnants of war, "
        "in each period of the report. Periods differ in length (6, 12, 12 and 3 months).",
        "Enfants tués ou mutilés lors d'attaques contre des civils, d'hostilités directes et de tirs croisés, et par des engins explosifs improvisés et des restes explosifs de guerre, "
        "dans chaque période du rapport. Les périodes sont de durées différentes (6, 12, 12 et 3 mois).")
def _casualties_cause_period(ctx):
    cross = _gv_breakdown("period", "killing_and_maiming", cause="crossfire_and_attacks").sort_values("period")
    expl = _gv_breakdown("period", "killing_and_maiming", cause="explosive_devices").sort_values("period")
    groups = [label("period", p, ctx.lang) for p in cross["period"]]
    fig, ax = _new(ctx, 0.5)
    drawn = _grouped(ax, ctx, groups, {label("cause", "crossfire_and_attacks", ctx.lang): list(cross["value"]),
                                       label("cause", "explosive_devices", ctx.lang): list(expl["value"])},
                     [C["killing_and_maiming"], style.OKABE_ITO["black"]])
    ax.set_ylabel(ctx.t("axis.children"))
    rows = _concat(_prov(cross, "grave_violations"), _prov(expl, "grave_violations"))
    _finish(fig, ctx, "casualties_cause_period", rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


@figure("casualties_by_period", "killing",
        "Child casualties by period, and per month",
        "Enfants victimes par période, et par mois",
        "Children killed or maimed in each period (left) and per month (right): the first quarter of 2020 was, per month, below 2019 but above 2018.",
        "Enfants tués ou mutilés dans chaque période (à gauche) et par mois (à droite) : au premier trimestre 2020, la moyenne mensuelle était inférieure à 2019 mais supérieure à 2018.")
def _casualties_by_period(ctx):
    return _period_figure(ctx, "casualties_by_period", _gv_breakdown("period", "killing_and_maiming"),
                          C["killing_and_maiming"], "axis.children")


@figure("casualties_by_perpetrator", "killing",
        "Child casualties by perpetrator",
        "Enfants victimes par auteur",
        "The 495 children killed or maimed, by the party the task force attributed them to; 238 could not be attributed "
        "(148 in crossfire and attacks, 90 by explosive devices).",
        "Les 495 enfants tués ou mutilés, selon la partie à laquelle l'équipe spéciale les a attribués ; 238 n'ont pu être attribués "
        "(148 dans des tirs croisés et des attaques, 90 par des engins explosifs).")
def _casualties_by_perpetrator(ctx):
    parts = _gv_breakdown("perpetrator", "killing_and_maiming", level="leaves")
    return _hbar_breakdown(ctx, "casualties_by_perpetrator", parts, "perpetrator", C["killing_and_maiming"], "axis.children")


@figure("casualties_killed_maimed", "killing",
        "Children killed and maimed, girls and boys",
        "Enfants tués et mutilés, filles et garçons",
        "Of the 495 child casualties, 306 were killed and 189 maimed (left); 135 were girls, 331 boys and 29 of unknown sex (right). Ages ranged from a few months to 17 years.",
        "Sur les 495 enfants victimes, 306 ont été tués et 189 mutilés (à gauche) ; 135 étaient des filles, 331 des garçons et 29 de sexe inconnu (à droite). Âges : de quelques mois à 17 ans.")
def _casualties_killed_maimed(ctx):
    sub = _gv_breakdown("subtype", "killing_and_maiming")
    sex = _gv_breakdown("sex", "killing_and_maiming")
    fig, (a1, a2) = _new(ctx, 0.4, ncols=2)
    drawn = _bars(a1, ctx, [label("subtype", s, ctx.lang) for s in sub["subtype"]], sub["value"], C["killing_and_maiming"])
    a1.set_ylabel(ctx.t("axis.children"))
    drawn += _bars(a2, ctx, [label("sex", s, ctx.lang) for s in sex["sex"]], sex["value"], style.GREY)
    rows = _concat(_prov(sub, "grave_violations"), _prov(sex, "grave_violations"))
    _finish(fig, ctx, "casualties_killed_maimed", rows)
    return fig, rows, drawn


@figure("casualties_by_region", "killing",
        "Child casualties by region",
        "Enfants victimes par région",
        "Mopti Region accounted for 376 of the 495 child casualties (76 per cent), amid intercommunal violence between Dogon and Fulani communities.",
        "La région de Mopti compte 376 des 495 enfants victimes (76 pour cent), sur fond de violences intercommunautaires entre Dogons et Peuls.")
def _casualties_by_region(ctx):
    return _hbar_breakdown(ctx, "casualties_by_region", _gv_breakdown("region", "killing_and_maiming"), "region",
                           C["killing_and_maiming"], "axis.children")


# ----------------------------------------------------------------------------- sexual violence
@figure("sexual_violence_by_type", "sexual_violence",
        "Girls subjected to sexual violence, by type",
        "Filles victimes de violences sexuelles, par type",
        "The 74 girls, aged 11 to 17, verified as subjected to sexual violence. Such violence is highly underreported: the actual number is believed to be much higher.",
        "Les 74 filles de 11 à 17 ans victimes de violences sexuelles vérifiées. Ces violences sont très peu signalées : le nombre réel serait bien plus élevé.")
def _sv_type(ctx):
    return _hbar_breakdown(ctx, "sexual_violence_by_type", _gv_breakdown("subtype", "sexual_violence"), "subtype",
                           C["sexual_violence"], "axis.children")


@figure("sexual_violence_by_region", "sexual_violence",
        "Girls subjected to sexual violence, by region",
        "Filles victimes de violences sexuelles, par région",
        "Where the 74 verified cases occurred; 20 girls were sexually harassed during their association with GATIA, MNLA and MSA in Ménaka.",
        "Lieu des 74 cas vérifiés ; 20 filles ont subi un harcèlement sexuel pendant leur association avec le GATIA, le MNLA et le MSA à Ménaka.")
def _sv_region(ctx):
    return _hbar_breakdown(ctx, "sexual_violence_by_region", _gv_breakdown("region", "sexual_violence"), "region",
                           C["sexual_violence"], "axis.children")


@figure("sexual_violence_by_period", "sexual_violence",
        "Girls subjected to sexual violence, by period",
        "Filles victimes de violences sexuelles, par période",
        "Cases verified in each period (left) and per month (right): the first quarter of 2020, 25 cases in three months, stands out.",
        "Cas vérifiés dans chaque période (à gauche) et par mois (à droite) : le premier trimestre 2020, 25 cas en trois mois, se distingue.")
def _sv_period(ctx):
    return _period_figure(ctx, "sexual_violence_by_period", _gv_breakdown("period", "sexual_violence"),
                          C["sexual_violence"], "axis.children")


@figure("crsv_2019", "sexual_violence",
        "Conflict-related sexual violence verified in 2019: women, girls and men",
        "Violences sexuelles liées aux conflits vérifiées en 2019 : femmes, filles et hommes",
        "MINUSMA verified 27 cases of conflict-related sexual violence in 2019 (S/2020/487), and 22 more that occurred in 2018 but were not reported then. "
        "This count follows different rules from the children and armed conflict count (19 girls in 2019): the two are not comparable.",
        "La MINUSMA a vérifié 27 cas de violences sexuelles liées aux conflits en 2019 (S/2020/487), et 22 autres survenus en 2018 mais signalés plus tard. "
        "Ce décompte suit d'autres règles que celui des enfants et des conflits armés (19 filles en 2019) : les deux ne sont pas comparables.")
def _crsv(ctx):
    parts = aggregate.breakdown("crsv", "victim_group", year=2019, measure="cases_verified")
    fig, ax = _new(ctx, 0.3)
    drawn = _bars(ax, ctx, [ctx.t(f"victims.{g}") for g in parts["victim_group"]], parts["value"],
                  C["sexual_violence"], horizontal=True)
    ax.set_xlabel(ctx.t("unit.cases").capitalize())
    rows = _prov(parts, "crsv")
    _finish(fig, ctx, "crsv_2019", rows)
    return fig, rows, drawn


# ----------------------------------------------------------------------------- attacks on schools and hospitals
@figure("attacks_by_period", "attacks",
        "Attacks on schools and hospitals, by period",
        "Attaques contre des écoles et des hôpitaux, par période",
        "Attacks on schools and on hospitals and protected personnel verified in each period (left) and per month (right): 216 in all, more than three times the previous report's 62.",
        "Attaques contre des écoles et contre des hôpitaux et du personnel protégé vérifiées dans chaque période (à gauche) et par mois (à droite) : 216 au total, plus du triple des 62 du rapport précédent.")
def _attacks_by_period(ctx):
    sch = aggregate.per_month(_gv_breakdown("period", "attacks_on_schools_and_hospitals", subtype="schools").sort_values("period"))
    hos = aggregate.per_month(_gv_breakdown("period", "attacks_on_schools_and_hospitals", subtype="hospitals").sort_values("period"))
    groups = [label("period", p, ctx.lang) for p in sch["period"]]
    fig, (a1, a2) = _new(ctx, 0.5, ncols=2)
    names = [ctx.t("word.schools"), ctx.t("word.hospitals")]
    colours = [C["attacks_on_schools_and_hospitals"], style.OKABE_ITO["vermillion"]]
    drawn = _grouped(a1, ctx, groups, dict(zip(names, [list(sch["value"]), list(hos["value"])])), colours)
    a1.set_ylabel(ctx.t("axis.attacks"))
    drawn += _grouped(a2, ctx, groups, dict(zip(names, [list(sch["per_month"]), list(hos["per_month"])])), colours,
                      texts=[[ctx.n(v, 1) for v in sch["per_month"]], [ctx.n(v, 1) for v in hos["per_month"]]])
    a2.set_ylabel(ctx.t("axis.per_month"))
    for ax in (a1, a2):
        ax.tick_params(axis="x", labelsize="x-small")
        _legend(ax, 2, "x-small")
    rows = _concat(_prov(sch, "grave_violations"), _prov(hos, "grave_violations"))
    _finish(fig, ctx, "attacks_by_period", rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


@figure("attacks_by_region", "attacks",
        "Attacks on schools and hospitals, by region",
        "Attaques contre des écoles et des hôpitaux, par région",
        "Where the 169 attacks on schools and the 47 attacks on hospitals were verified; a missing bar means the report lists no attack of that kind in the region.",
        "Lieu des 169 attaques contre des écoles et des 47 attaques contre des hôpitaux ; une barre absente signifie que le rapport ne mentionne aucune attaque de ce type dans la région.")
def _attacks_by_region(ctx):
    sch = _gv_breakdown("region", "attacks_on_schools_and_hospitals", subtype="schools")
    hos = _gv_breakdown("region", "attacks_on_schools_and_hospitals", subtype="hospitals")
    regions = list(dict.fromkeys(list(sch["region"].astype(str)) + list(hos["region"].astype(str))))
    s_map = dict(zip(sch["region"].astype(str), sch["value"]))
    h_map = dict(zip(hos["region"].astype(str), hos["value"]))
    fig, ax = _new(ctx, 0.5)
    drawn = _grouped(ax, ctx, [label("region", r, ctx.lang) for r in regions],
                     {ctx.t("word.schools"): [s_map.get(r) for r in regions],
                      ctx.t("word.hospitals"): [h_map.get(r) for r in regions]},
                     [C["attacks_on_schools_and_hospitals"], style.OKABE_ITO["vermillion"]])
    ax.set_ylabel(ctx.t("axis.attacks"))
    rows = _concat(_prov(sch, "grave_violations"), _prov(hos, "grave_violations"))
    _finish(fig, ctx, "attacks_by_region", rows)
    return fig, rows, drawn


@figure("school_attack_types", "attacks",
        "What attacks on schools consisted of",
        "En quoi consistaient les attaques contre des écoles",
        "Shares of the 169 attacks on schools by kind, as the report gives them (per cent; they add up to 100).",
        "Part des 169 attaques contre des écoles par type, telles que le rapport les donne (pour cent ; leur somme fait 100).")
def _school_attack_types(ctx):
    parts = _gv_breakdown("subtype", "attacks_on_schools_and_hospitals", unit="percent")
    parts = parts[parts["subtype"].astype(str) != "hospitals"]
    return _share_figure(ctx, "school_attack_types", parts, C["attacks_on_schools_and_hospitals"], 0.42)


def _share_figure(ctx, fid, parts, colour, ratio):
    """Horizontal bars of the shares (per cent) the report gives for the kinds of a violation."""
    fig, ax = _new(ctx, ratio)
    drawn = _bars(ax, ctx, [label("subtype", s, ctx.lang) for s in parts["subtype"]], parts["value"], colour,
                  horizontal=True, texts=[ctx.n(v) + " %" for v in parts["value"]])
    ax.set_xlabel(ctx.t("axis.percent"))
    ax.tick_params(axis="y", labelsize="small")
    rows = _prov(parts, "grave_violations")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


@figure("military_use_of_schools", "attacks",
        "Schools used for military purposes, by user",
        "Écoles utilisées à des fins militaires, par utilisateur",
        "The 20 schools verified as used for military purposes in 2017 (12) and 2019 (8), in Gao, Kidal, Timbuktu and Mopti Regions; one was still used by the Malian armed forces in Gao at the time of writing.",
        "Les 20 écoles dont l'utilisation à des fins militaires a été vérifiée en 2017 (12) et en 2019 (8), dans les régions de Gao, Kidal, Tombouctou et Mopti ; l'une était encore utilisée par les forces armées maliennes à Gao au moment de la rédaction.")
def _military_use(ctx):
    parts = aggregate.breakdown("military_use_of_schools", "perpetrator")
    return _hbar_breakdown(ctx, "military_use_of_schools", parts, "perpetrator", C["attacks_on_schools_and_hospitals"],
                           "axis.schools", table="military_use_of_schools")


@figure("schools_closed", "attacks",
        "Schools closed by insecurity",
        "Écoles fermées en raison de l'insécurité",
        "Schools reported closed by insecurity at three dates, from two sources: 500 at the end of 2017 and 1,261 in March 2020 in seven central and northern regions, "
        "affecting at least 378,300 children (S/2020/1105), and 1,230 in December 2020 (Watchlist). The areas covered may differ; the Government of Mali spoke of 25 per cent of schools closed "
        "and more than 115,000 children out of school (S/AC.51/2020/11, annex). All schools closed nationwide by mid-March 2020 because of COVID-19 (not shown).",
        "Écoles fermées en raison de l'insécurité à trois dates, selon deux sources : 500 fin 2017 et 1 261 en mars 2020 dans sept régions du centre et du nord, "
        "touchant au moins 378 300 enfants (S/2020/1105), et 1 230 en décembre 2020 (Watchlist). Les zones couvertes peuvent différer ; le Gouvernement malien a parlé de 25 pour cent d'écoles fermées "
        "et de plus de 115 000 enfants non scolarisés (S/AC.51/2020/11, annexe). Toutes les écoles ont fermé mi-mars 2020 en raison de la COVID-19 (non représenté).")
def _schools_closed(ctx):
    import matplotlib.dates as mdates
    import pandas as pd

    sc = load("schools_closed")
    pts = sc[(sc.measure == "schools_closed") & sc.as_of.str.len().eq(7)].copy()
    pts["date"] = pd.to_datetime(pts["as_of"] + "-15")
    pts = pts.sort_values("date")
    fig, ax = _new(ctx, 0.45)
    markers = {"S/2020/1105": "o", "Watchlist-2021-06": "s"}
    for sid, grp in pts.groupby("source_id", sort=False):
        short = load("sources").set_index("source_id").loc[sid, "short_name"]
        ax.plot(grp["date"], grp["value"], marker=markers.get(sid, "D"), linestyle="none",
                color=C["attacks_on_schools_and_hospitals"] if sid == "S/2020/1105" else style.OKABE_ITO["blue"],
                markersize=8, label=short)
    for _, r in pts.iterrows():
        ax.annotate(ctx.n(r["value"]), (r["date"], r["value"]), xytext=(0, 8), textcoords="offset points",
                    ha="center", fontsize="small")
    ax.set_ylim(0, pts["value"].max() * 1.25)
    ax.set_ylabel(ctx.t("axis.schools"))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    _legend(ax, 2)
    rows = _prov(pts, "schools_closed")
    _finish(fig, ctx, "schools_closed", rows)
    return fig, rows, [float(v) for v in pts["value"]]


# ----------------------------------------------------------------------------- abduction and denial of humanitarian access
@figure("abduction_outcomes", "abduction_denial",
        "What became of the 38 abducted children",
        "Ce qu'il est advenu des 38 enfants enlevés",
        "Of the 38 children abducted (10 girls, 27 boys, 1 of unknown sex, aged 6 to 17), 10 were released, 5 killed, and the whereabouts of 23 remain unknown.",
        "Sur les 38 enfants enlevés (10 filles, 27 garçons, 1 de sexe inconnu, de 6 à 17 ans), 10 ont été libérés, 5 tués, et le sort de 23 reste inconnu.")
def _abduction_outcomes(ctx):
    parts = _gv_breakdown("outcome", "abduction")
    return _hbar_breakdown(ctx, "abduction_outcomes", parts, "outcome", C["abduction"], "axis.children", ratio=0.3)


@figure("abduction_by_region_period", "abduction_denial",
        "Abducted children by region and by period",
        "Enfants enlevés par région et par période",
        "Where (left) and when (right) the 38 abductions were verified; none in July-December 2017 (a stated zero).",
        "Lieu (à gauche) et période (à droite) des 38 enlèvements vérifiés ; aucun en juillet-décembre 2017 (zéro indiqué par le rapport).")
def _abduction_region_period(ctx):
    reg = _gv_breakdown("region", "abduction").sort_values("value", ascending=False, kind="stable")
    per = _gv_breakdown("period", "abduction").sort_values("period")
    fig, (a1, a2) = _new(ctx, 0.45, ncols=2)
    drawn = _bars(a1, ctx, [label("region", r, ctx.lang) for r in reg["region"]], reg["value"], C["abduction"], horizontal=True)
    a1.set_xlabel(ctx.t("axis.children"))
    drawn += _bars(a2, ctx, [label("period", p, ctx.lang) for p in per["period"]], per["value"], C["abduction"])
    a2.tick_params(axis="x", labelsize="x-small")
    rows = _concat(_prov(reg, "grave_violations"), _prov(per, "grave_violations"))
    _finish(fig, ctx, "abduction_by_region_period", rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


@figure("denial_by_region", "abduction_denial",
        "Incidents of denial of humanitarian access, by region",
        "Incidents de refus d'accès humanitaire, par région",
        "The 425 incidents verified, most attributed to unidentified armed perpetrators (415). 'Other regions' is the report's own residual category.",
        "Les 425 incidents vérifiés, pour la plupart attribués à des auteurs armés non identifiés (415). « Autres régions » est la catégorie résiduelle du rapport.")
def _denial_region(ctx):
    return _hbar_breakdown(ctx, "denial_by_region", _gv_breakdown("region", "denial_of_humanitarian_access"), "region",
                           C["denial_of_humanitarian_access"], "axis.incidents")


@figure("denial_by_period", "abduction_denial",
        "Incidents of denial of humanitarian access, by period",
        "Incidents de refus d'accès humanitaire, par période",
        "Incidents verified in each period (left) and per month (right).",
        "Incidents vérifiés dans chaque période (à gauche) et par mois (à droite).")
def _denial_period(ctx):
    return _period_figure(ctx, "denial_by_period", _gv_breakdown("period", "denial_of_humanitarian_access"),
                          C["denial_of_humanitarian_access"], "axis.incidents")


@figure("denial_by_type", "abduction_denial",
        "What the incidents of denial of access consisted of",
        "En quoi consistaient les incidents de refus d'accès",
        "Shares of the 425 incidents by kind, as the report gives them (per cent; they add up to 100).",
        "Part des 425 incidents par type, telles que le rapport les donne (pour cent ; leur somme fait 100).")
def _denial_type(ctx):
    parts = _gv_breakdown("subtype", "denial_of_humanitarian_access", unit="percent")
    return _share_figure(ctx, "denial_by_type", parts, C["denial_of_humanitarian_access"], 0.5)


# ----------------------------------------------------------------------------- release and reintegration
@figure("transit_centres_by_period", "reintegration",
        "Children cared for in transit centres, by period",
        "Enfants pris en charge dans les centres de transit, par période",
        "The 593 children (49 girls, 544 boys) released from armed forces and groups who received care in transit centres, by period (left) and per month (right).",
        "Les 593 enfants (49 filles, 544 garçons) sortis des forces et groupes armés pris en charge dans des centres de transit, par période (à gauche) et par mois (à droite).")
def _transit(ctx):
    parts = aggregate.breakdown("release_and_reintegration", "period", measure="transit_care")
    fig_rows = _period_figure(ctx, "transit_centres_by_period", parts, style.OKABE_ITO["bluish_green"], "axis.children")
    fig_rows[1]["table"] = "release_and_reintegration"
    return fig_rows


@figure("reintegration_outcomes", "reintegration",
        "Reintegration support for children leaving transit centres",
        "Appui à la réintégration des enfants sortis des centres de transit",
        "Of the 593 children, 382 received socioeconomic reintegration support (education, vocational training, income-generating activities); "
        "211 could not, for lack of access to the areas where they rejoined their families.",
        "Sur les 593 enfants, 382 ont bénéficié d'un appui à la réintégration socioéconomique (éducation, formation professionnelle, activités génératrices de revenus) ; "
        "211 n'ont pu en bénéficier, faute d'accès aux zones où ils ont retrouvé leur famille.")
def _reintegration(ctx):
    parts = aggregate.breakdown("release_and_reintegration", "outcome", measure="transit_care")
    return _hbar_breakdown(ctx, "reintegration_outcomes", parts, "outcome", style.OKABE_ITO["bluish_green"],
                           "axis.children", ratio=0.3, table="release_and_reintegration")


@figure("trainings_and_dialogue", "reintegration",
        "Trainings, sensitization and dialogue by the country task force",
        "Formations, sensibilisation et dialogue menés par l'équipe spéciale de pays",
        "People reached by the task force's trainings, sensitization and dialogue workshops (S/2020/1105, section V). Each bar is one group as the report names it.",
        "Personnes touchées par les formations, la sensibilisation et les ateliers de dialogue de l'équipe spéciale (S/2020/1105, section V). Chaque barre est un groupe tel que le rapport le nomme.")
def _trainings(ctx):
    pa = load("programme_activities")
    keep = pa[(pa.unit == "persons") & pa.activity.isin(["training_child_protection", "sensitization", "dialogue_workshops",
                                                         "training_child_friendly_interviewing"])
              & pa.restates.isna() & (pa.source_id == "S/2020/1105")]
    keep = keep[~keep.participants.str.startswith("women")].sort_values("value", ascending=False, kind="stable")
    fig, ax = _new(ctx, 0.6)
    labels = [ctx.t(f"participants.{r}") for r in keep["row_id"]]
    drawn = _bars(ax, ctx, labels, keep["value"], style.OKABE_ITO["bluish_green"], horizontal=True,
                  qualifiers=list(keep["qualifier"].astype(str)))
    ax.tick_params(axis="y", labelsize="x-small")
    ax.set_xlabel(ctx.t("axis.persons"))
    rows = _prov(keep, "programme_activities")
    _finish(fig, ctx, "trainings_and_dialogue", rows)
    return fig, rows, drawn


# ----------------------------------------------------------------------------- US assistance
def _usd_bars(ctx, fid, frame, labels, colour, ratio):
    fig, ax = _new(ctx, ratio)
    drawn_m = _bars(ax, ctx, labels, frame["value"] / 1e6, colour, horizontal=True,
                    texts=[_qual(ctx, q) + "$" + ctx.n(v / 1e6, 2 if not (v / 1e6).is_integer() else 0) + " M"
                           for v, q in zip(frame["value"], frame["qualifier"].astype(str))])
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    ax.tick_params(axis="y", labelsize="small")
    rows = _prov(frame, "us_assistance")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn_m


@figure("us_assistance_2020", "us_assistance",
        "US assistance to Mali in 2020, by sector",
        "Aide des États-Unis au Mali en 2020, par secteur",
        "US assistance to Mali in 2020, the most recent year with complete data when the factsheet was written: far more humanitarian and health assistance than peace and security assistance. "
        "The factsheet does not say whether these are fiscal or calendar years.",
        "Aide des États-Unis au Mali en 2020, dernière année aux données complètes lors de la rédaction de la fiche : bien plus d'aide humanitaire et de santé que d'aide à la paix et à la sécurité. "
        "La fiche ne précise pas s'il s'agit d'années budgétaires ou civiles.")
def _us_2020(ctx):
    ua = load("us_assistance")
    keep = ua[ua.measure.isin(["humanitarian_assistance", "health_assistance", "peace_and_security_assistance",
                               "democracy_human_rights_governance_assistance"]) & ua.restates.isna()]
    keep = keep.sort_values("value", ascending=False, kind="stable")
    return _usd_bars(ctx, "us_assistance_2020", keep, [ctx.t(f"measure.{m}") for m in keep["measure"]],
                     style.OKABE_ITO["blue"], 0.35)


@figure("us_security_cooperation", "us_assistance",
        "US security cooperation with Mali: the factsheet's totals",
        "Coopération sécuritaire des États-Unis avec le Mali : les totaux de la fiche",
        "Cumulative amounts the factsheet gives, each over its own period; they are separate measures, not parts of one total, and are not stacked. "
        "Support to UN peacekeeping dwarfs direct security aid. The factsheet gives two figures for direct commercial sales ($19 million and $13.73 million) "
        "and two for foreign military sales (about and less than $4 million): both are shown.",
        "Montants cumulés donnés par la fiche, chacun sur sa propre période ; ce sont des mesures distinctes, non les parties d'un total, et elles ne sont pas empilées. "
        "L'appui au maintien de la paix de l'ONU dépasse de loin l'aide sécuritaire directe. La fiche donne deux chiffres pour les ventes commerciales directes (19 et 13,73 millions de dollars) "
        "et deux pour les ventes militaires à l'étranger (environ et moins de 4 millions) : les deux sont représentés.")
def _us_security(ctx):
    ua = load("us_assistance")
    order = ["peacekeeping_mission_support", "security_assistance", "direct_security_aid", "direct_commercial_sales",
             "foreign_military_sales", "sales_to_un_missions"]
    keep = ua[ua.measure.isin(order)].copy()
    keep["o"] = keep["measure"].map(order.index)
    keep = keep.sort_values(["o", "value"], ascending=[True, False], kind="stable")

    def period(r):
        a, b = r["period_start"], r["period_end"]
        if a is not None and a == a and b is not None and b == b:
            return f"{int(a)}-{int(b)}"
        return (f"{ctx.t('word.since')} {int(a)}") if a == a and a is not None else ""
    labels = [f"{ctx.t('measure.' + m).split(' (')[0]} ({period(r)})" for m, r in zip(keep["measure"], keep.to_dict("records"))]
    return _usd_bars(ctx, "us_security_cooperation", keep, labels, style.OKABE_ITO["vermillion"], 0.55)


@figure("military_training", "us_assistance",
        "Malian military personnel trained: United States and European Union",
        "Personnel militaire malien formé : États-Unis et Union européenne",
        "The EU Training Mission trained 13,000 FAMa members in 2013-2018, when the United States trained fewer than 1,500; since 2001 the United States trained 9,849 "
        "(the factsheet also rounds this to about 10,000).",
        "La mission de formation de l'UE a formé 13 000 membres des FAMa en 2013-2018, quand les États-Unis en formaient moins de 1 500 ; depuis 2001, les États-Unis en ont formé 9 849 "
        "(la fiche arrondit aussi à environ 10 000).")
def _training(ctx):
    mt = load("military_training")
    keep = mt[mt.row_id != "mt-001"].copy()  # 'approximately 10,000' is the rounded 9,849 (see caption)
    keep = keep.sort_values("value", ascending=False, kind="stable")

    def period(r):
        a, b = r["period_start"], r["period_end"]
        if b is not None and b == b:
            return f"{int(a)}-{int(b)}"
        return f"{ctx.t('word.since')} {int(a)}"
    labels = [f"{ctx.t('provider.' + p)}, {period(r)}" for p, r in zip(keep["provider"], keep.to_dict("records"))]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, keep["value"], [style.OKABE_ITO["sky_blue"] if p == "EUTM" else style.OKABE_ITO["vermillion"]
                                                   for p in keep["provider"]], horizontal=True,
                  qualifiers=list(keep["qualifier"].astype(str)))
    ax.set_xlabel(ctx.t("axis.persons"))
    rows = _prov(keep, "military_training")
    _finish(fig, ctx, "military_training", rows)
    return fig, rows, drawn


@figure("arms_suppliers", "us_assistance",
        "Mali's arms suppliers, in the factsheet's order",
        "Fournisseurs d'armes du Mali, dans l'ordre de la fiche",
        "The factsheet ranks Mali's arms suppliers (SIPRI data, arms donated as well as sold) without giving values: the United States comes ninth. "
        "Ranks are positions in the stated order, not amounts.",
        "La fiche classe les fournisseurs d'armes du Mali (données du SIPRI, armes données comme vendues) sans en donner les montants : les États-Unis viennent au neuvième rang. "
        "Les rangs sont des positions dans l'ordre indiqué, non des montants.")
def _arms(ctx):
    ar = load("arms_suppliers").sort_values("rank")
    fig, ax = _new(ctx, 0.42)
    y = list(range(len(ar)))
    colours = [style.OKABE_ITO["vermillion"] if s == "United States" else style.GREY for s in ar["supplier"]]
    ax.scatter([int(r) for r in ar["rank"]], y, color=colours, s=60, zorder=3)
    ax.set_yticks(y, [ctx.t(f"country.{s}") for s in ar["supplier"]])
    ax.invert_yaxis()
    ax.set_xticks(range(1, len(ar) + 1))
    ax.set_xlim(0.5, len(ar) + 0.5)
    ax.set_xlabel(ctx.t("axis.rank"))
    rows = ar.assign(table="arms_suppliers", value=ar["rank"].astype(float), unit="rank", qualifier="exact")[PROV]
    _finish(fig, ctx, "arms_suppliers", rows)
    return fig, rows, [float(r) for r in ar["rank"]]


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
    ax.hlines(y, 0, keep["value"], color=style.LIGHT_GREY, lw=2)
    ax.scatter(keep["value"], y, color=[style.OKABE_ITO["vermillion"]] * len(keep), s=70, zorder=3)
    for yy, v, q in zip(y, keep["value"], keep["qualifier"].astype(str)):
        ax.annotate(_qual(ctx, q) + ctx.n(v), (v, yy), xytext=(8, 0), textcoords="offset points", va="center", fontsize="small")
    ax.set_yticks(y, [_wrap(ctx.t(f"claimant.{c}"), 40) for c in keep["reported_by"]])
    ax.invert_yaxis()
    ax.set_xlim(0, keep["value"].max() * 1.35)
    ax.set_xlabel(ctx.t("axis.deaths_claimed"))
    ax.tick_params(axis="y", labelsize="small")
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
    fig, ax = _new(ctx, 0.6)
    drawn = _bars(ax, ctx, labels, keep["value"], style.OKABE_ITO["vermillion"], horizontal=True,
                  qualifiers=list(keep["qualifier"].astype(str)))
    ax.tick_params(axis="y", labelsize="x-small")
    ax.set_xlabel(ctx.t("axis.reported"))
    rows = _prov(keep, "civilian_harm")
    _finish(fig, ctx, "civilian_harm_reports", rows)
    return fig, rows, drawn


# ----------------------------------------------------------------------------- beyond the five documents
MAP_BINS = [0, 1, 10, 25, 50, 100, 200, 400, 700]


def months_between(start, end):
    """Whole months from the first day of ``start`` to the last day of ``end`` (dates or ISO text)."""
    import pandas as pd

    a, b = pd.Timestamp(start), pd.Timestamp(end)
    return (b.year - a.year) * 12 + (b.month - a.month) + 1


@figure("overview_map", "overview",
        "Verified grave violations by region, July 2017 to March 2020",
        "Violations graves vérifiées par région, juillet 2017 à mars 2020",
        "One map per violation and one for all six, on one colour scale: each region's count in the violation's own unit (cases of recruitment, children, attacks, incidents). "
        "White: a stated zero (the region is absent from a complete list). Hatched grey: the report gives no figure for the region (for all six together it gives only the five most affected regions; "
        "denial of access elsewhere is in its 'other regions'). Children recruited abroad (10) and the 53 incidents in 'other regions' cannot be mapped. Ménaka is shown as its own region, as in the report.",
        "Une carte par violation et une pour les six, sur une même échelle de couleurs : le nombre de chaque région dans l'unité de la violation (cas de recrutement, enfants, attaques, incidents). "
        "Blanc : zéro indiqué (la région est absente d'une liste complète). Gris hachuré : le rapport ne donne pas de chiffre pour la région (pour les six ensemble, il ne donne que les cinq régions les plus touchées ; "
        "les refus d'accès ailleurs sont dans ses « autres régions »). Les 10 enfants recrutés à l'étranger et les 53 incidents des « autres régions » ne peuvent pas être cartographiés. Ménaka est une région à part entière, comme dans le rapport.")
def _overview_map(ctx):
    import matplotlib.pyplot as plt
    import numpy as np
    import seaborn as sns
    from matplotlib.colors import BoundaryNorm, ListedColormap

    from .geography import ATTRIBUTION, load_regions_geometry

    geo = load_regions_geometry()
    regions = list(geo["region"])
    table = aggregate.violations_by("region", regions)
    gv = load("grave_violations")
    totals = gv[(gv.violation == "all") & (gv.unit == "violations") & (gv.period == "all") & (gv.perpetrator == "all")
                & gv.restates.isna() & gv.region.isin(regions)]
    total_map = dict(zip(totals["region"].astype(str), totals["value"]))
    panels = [(v, [table.loc[v, r] for r in regions]) for v in VIOLATIONS]
    panels.append(("all", [total_map.get(r, np.nan) for r in regions]))
    used = gv[gv.restates.isna() & (gv.period == "all") & (gv.perpetrator == "all") & (gv.sex == "all")
              & (gv.cause == "all") & (gv.outcome == "all") & gv.region.isin(regions) & (gv.unit != "percent")
              & gv.violation.isin(VIOLATIONS)]
    colours = ["#FFFFFF"] + sns.color_palette("rocket_r", len(MAP_BINS) - 2).as_hex()
    cmap, norm = ListedColormap(colours), BoundaryNorm(MAP_BINS, len(colours))
    w = style.WIDTH[ctx.context]
    fig, axes = plt.subplots(2, 4, figsize=(w, round(w * 0.74, 2)))
    drawn = []
    for ax, (v, values) in zip(axes.flat, panels):
        g = geo.assign(value=[float(x) for x in values])
        known = g[g["value"].notna()]
        unknown = g[g["value"].isna()]
        known.plot(ax=ax, column="value", cmap=cmap, norm=norm, edgecolor=style.GREY, linewidth=0.4)
        if len(unknown):
            unknown.plot(ax=ax, color=style.LIGHT_GREY, hatch="////", edgecolor=style.GREY, linewidth=0.4)
        drawn += [float(x) for x in known["value"]]
        for _, r in known.iterrows():
            if r["value"] > 0 and r["region"] != "Bamako":
                pt = r.geometry.representative_point()
                ax.annotate(ctx.n(r["value"]), (pt.x, pt.y), ha="center", va="center", fontsize="xx-small",
                            color="white" if r["value"] >= 100 else "black")
        ax.set_title(_wrap(label("violation", v, ctx.lang), 22), fontsize="x-small", loc="center")
        ax.set_axis_off()
    legend_ax = axes.flat[-1]
    legend_ax.set_axis_off()
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colours[0], edgecolor=style.GREY, label="0")]
    handles += [Patch(facecolor=colours[i], edgecolor=style.GREY,
                      label=f"{MAP_BINS[i]}-{MAP_BINS[i + 1] - 1}") for i in range(1, len(colours))]
    handles.append(Patch(facecolor=style.LIGHT_GREY, hatch="////", edgecolor=style.GREY, label=ctx.t("word.not_stated")))
    legend_ax.legend(handles=handles, loc="center", frameon=False, fontsize="xx-small",
                     title=_wrap(ctx.t("map.legend"), 26), title_fontsize="xx-small")
    rows = _concat(_prov(used, "grave_violations"), _prov(totals, "grave_violations"))
    _finish(fig, ctx, "overview_map", rows, note=ctx.t("map.boundaries") + ATTRIBUTION)
    for coll_ax in axes.flat:
        coll_ax.set_aspect("equal")
    return fig, rows, drawn


@figure("country_reports_trend", "overview",
        "Verified grave violations per month, across the Secretary-General's country reports on Mali",
        "Violations graves vérifiées par mois, d'un rapport de pays du Secrétaire général sur le Mali à l'autre",
        "Each report's total of verified grave violations divided by the months it covers (42, 33, 24 and 24); the raw total is printed on each bar. "
        "The second report's total is as the third quotes it (its parts add up to more, see d-01); the fourth and fifth are as read from secondary web pages. "
        "No total was found for the first report (2012-2013).",
        "Total des violations graves vérifiées de chaque rapport divisé par le nombre de mois couverts (42, 33, 24 et 24) ; le total brut est inscrit sur chaque barre. "
        "Le total du deuxième rapport est celui que cite le troisième (la somme de ses parties est plus élevée, voir d-01) ; ceux du quatrième et du cinquième proviennent de pages web secondaires. "
        "Aucun total n'a été trouvé pour le premier rapport (2012-2013).")
def _country_reports(ctx):
    cr = load("country_reports")
    src = load("sources").set_index("source_id")
    tot = cr[(cr.violation == "all") & (cr.unit == "violations") & (cr.sex == "all") & cr.restates.isna()].copy()
    order = ["S/2014/267", "S/2018/136", "S/2020/1105", "S/2022/856", "SG-CAAC-Mali-5"]
    labels, rates, texts, colours = [], [], [], []
    for rep in order:
        s = src.loc[rep]
        m = months_between(s["period_start"], s["period_end"])
        name = s["short_name"].replace("Fifth country report (2024)", ctx.t("word.fifth_report"))
        labels.append(f"{name}\n{s['period_start'].year}-{s['period_end'].year} ({m} {ctx.t('word.months_short')})")
        row = tot[tot.report == rep]
        if len(row):
            v = float(row["value"].iloc[0])
            rates.append(v / m)
            texts.append(ctx.n(v) + (" *" if bool(row["secondary"].iloc[0]) else ""))
            colours.append(style.GREY if bool(row["secondary"].iloc[0]) else C["all"])
        else:
            rates.append(0.0)
            texts.append(ctx.t("word.no_total"))
            colours.append(style.LIGHT_GREY)
    fig, ax = _new(ctx, 0.62)
    keep = [i for i, tx in enumerate(texts) if tx != ctx.t("word.no_total")]
    bars = ax.bar(keep, [rates[i] for i in keep], color=[colours[i] for i in keep], width=0.7)
    _annotate(ax, bars, [texts[i] for i in keep], False)
    for i in set(range(len(labels))) - set(keep):
        ax.annotate(texts[i], (i, 0), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    fontsize="small", color=style.GREY)
    ax.set_xticks(range(len(labels)), [_wrap(x, 18) for x in labels])
    ax.tick_params(axis="x", labelsize="x-small")
    ax.grid(axis="x", visible=False)
    ax.set_ylim(0, max(rates) * 1.2)
    ax.set_ylabel(ctx.t("axis.violations_per_month"))
    rows = _prov(tot, "country_reports")
    _finish(fig, ctx, "country_reports_trend", rows, note=ctx.t("word.secondary_star") + " " + ctx.t("word.capacity_caveat"))
    return fig, rows, [rates[i] for i in keep]


@figure("us_aid_series", "us_assistance",
        "US foreign assistance to Mali by fiscal year, in constant dollars",
        "Aide des États-Unis au Mali par année budgétaire, en dollars constants",
        "Obligations (1961-2022) and disbursements (2001-2022) of all US government foreign assistance to Mali, Foreign Aid Explorer, in constant dollars "
        "(constant equals current in fiscal year 2020, so they appear to be 2020 dollars; the file does not say). Vertical lines: the coups of March 2012, August 2020 and May 2021. "
        "Fiscal year 2022 was incomplete when the file was made (open markers); the 1976 transition quarter (three months) is left out of the annual series.",
        "Engagements (1961-2022) et décaissements (2001-2022) de l'ensemble de l'aide étrangère du gouvernement des États-Unis au Mali, Foreign Aid Explorer, en dollars constants "
        "(constants et courants coïncident pour l'année budgétaire 2020 : il s'agirait de dollars de 2020 ; le fichier ne le précise pas). Traits verticaux : coups d'État de mars 2012, août 2020 et mai 2021. "
        "L'année budgétaire 2022 était incomplète lors de la création du fichier (marqueurs creux) ; le trimestre de transition de 1976 (trois mois) est exclu de la série annuelle.")
def _us_aid_series(ctx):
    us = load("us_aid_series")
    sel = us[(us.dollars == "constant") & (us.period_kind == "fiscal_year")
             & us.transaction_type.isin(["obligations", "disbursements"])]
    fig, ax = _new(ctx, 0.62)
    drawn = []
    styles = {"obligations": (style.OKABE_ITO["blue"], "o"), "disbursements": (style.OKABE_ITO["vermillion"], "s")}
    for ttype, grp in sel.groupby("transaction_type", sort=False, observed=True):
        colour, marker = styles[str(ttype)]
        grp = grp.sort_values("fiscal_year")
        full = grp[grp["complete"]]
        part = grp[~grp["complete"]]
        ax.plot(full["fiscal_year"].astype(int), full["value"] / 1e6, color=colour, marker=marker, markersize=3,
                linewidth=1.2, label=ctx.t(f"aid.{ttype}"), gid="data")
        if len(part):
            ax.plot(part["fiscal_year"].astype(int), part["value"] / 1e6, linestyle="none", marker=marker, markersize=5,
                    markerfacecolor="white", color=colour, gid="data")
        drawn += [float(v) / 1e6 for v in grp["value"]]
    top = sel["value"].max() / 1e6
    for year, key in ((2012.45, "coup.2012"), (2020.6, None), (2021.4, "coup.2020_2021")):
        ax.axvline(year, color=style.GREY, linewidth=0.8, linestyle="--")
        if key is None:
            continue
        ax.annotate(ctx.t(key), (year, top * 1.08), xytext=(-2, 0), textcoords="offset points", rotation=90,
                    fontsize="xx-small", ha="right", va="top", color=style.GREY)
    ax.set_ylim(0, top * 1.1)
    ax.set_xlabel(ctx.t("axis.fiscal_year"))
    ax.set_ylabel(ctx.t("axis.usd_millions_constant"))
    _legend(ax, 2)
    rows = _prov(sel, "us_aid_series")
    _finish(fig, ctx, "us_aid_series", rows)
    return fig, rows, drawn


@figure("us_aid_2020_compared", "us_assistance",
        "2020: the factsheet's sectors against the Foreign Aid Explorer series",
        "2020 : les secteurs de la fiche comparés à la série de Foreign Aid Explorer",
        "The factsheet's four 2020 sectors add up to about $176 million (humanitarian about $74 million, health $72 million, peace and security $16.56 million, democracy, human rights and governance $13.52 million; "
        "it states $146 million for humanitarian and health together). Foreign Aid Explorer gives $213 million of obligations and $189 million of disbursements for fiscal year 2020 (current dollars). "
        "The factsheet does not say which measure or which kind of year it uses, nor whether its sectors cover all assistance, so the gap cannot be explained from the documents.",
        "Les quatre secteurs 2020 de la fiche totalisent environ 176 millions de dollars (humanitaire environ 74 millions, santé 72 millions, paix et sécurité 16,56 millions, démocratie, droits humains et gouvernance 13,52 millions ; "
        "elle indique 146 millions pour l'humanitaire et la santé ensemble). Foreign Aid Explorer donne 213 millions d'engagements et 189 millions de décaissements pour l'année budgétaire 2020 (dollars courants). "
        "La fiche ne précise ni la mesure ni le type d'année, ni si ses secteurs couvrent toute l'aide : l'écart ne peut être expliqué à partir des documents.")
def _us_aid_2020(ctx):
    ua = load("us_assistance")
    sectors = ua[ua.measure.isin(["humanitarian_assistance", "health_assistance", "peace_and_security_assistance",
                                  "democracy_human_rights_governance_assistance"]) & ua.restates.isna()]
    us = load("us_aid_series")
    fae = us[(us.fiscal_year == 2020) & (us.dollars == "current") & us.transaction_type.isin(["obligations", "disbursements"])]
    fae = fae.sort_values("transaction_type", key=lambda s: s.map({"obligations": 0, "disbursements": 1}))
    values = [float(sectors["value"].sum())] + [float(v) for v in fae["value"]]
    quals = ["approximately"] + ["exact"] * len(fae)
    labels = [ctx.t("aid.factsheet_sectors")] + [ctx.t(f"aid.fae_{t_}") for t_ in fae["transaction_type"].astype(str)]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, [v / 1e6 for v in values], [style.OKABE_ITO["blue"], style.GREY, style.GREY],
                  horizontal=True, texts=[_qual(ctx, q) + "$" + ctx.n(v / 1e6, 0) + " M" for v, q in zip(values, quals)])
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    rows = _concat(_prov(sectors, "us_assistance"), _prov(fae, "us_aid_series"))
    _finish(fig, ctx, "us_aid_2020_compared", rows)
    return fig, rows, drawn


# ----------------------------------------------------------------------------- render and save
def render(fid, lang="en", context="paper"):
    """Draw figure ``fid`` in ``lang``; returns a :class:`Rendered`."""
    import matplotlib

    matplotlib.use("agg", force=False)
    if fid not in REGISTRY:
        raise ValueError(f"unknown figure {fid!r}; the figures are: {', '.join(REGISTRY)}")
    check_parameters(lang=lang, context=context)
    style.apply(context)
    section, func = REGISTRY[fid]
    ctx = Ctx(lang, context)
    fig, rows, drawn = func(ctx)
    return Rendered(fid, section, lang, fig, ctx.t(f"fig.{fid}.title"), ctx.t(f"fig.{fid}.caption"),
                    cite_rows(rows, prefix=ctx.t("word.source") + ": "), rows, drawn)


def caption_text(r):
    """The caption file: title, caption, source line and every row drawn."""
    lang = r.lang
    lines = [f"# {r.title}", "", r.caption, "", r.source_line, "", f"## {t('word.rows_drawn', lang)}", "",
             "| table | row_id | value | unit | source | locator | quote |", "|---|---|---|---|---|---|---|"]
    for row in r.rows.to_dict("records"):
        quote = str(row["quote"]).replace("|", "\\|")
        q = "" if row["qualifier"] in ("exact", None) else f"{row['qualifier']} "
        lines.append(f"| {row['table']} | {row['row_id']} | {q}{number(row['value'], 'en')} | {row['unit']} | "
                     f"{row['source_id']} | {row['locator']} | {quote} |")
    return "\n".join(lines) + "\n"


def save(r, output_dir, formats=("png", "svg", "pdf"), dpi=200):
    """Write the figure in each format and its caption file; returns the paths written."""
    from pathlib import Path

    out = Path(output_dir)
    paths = []
    for fmt in formats:
        buf = io.BytesIO()
        r.figure.savefig(buf, format=fmt, dpi=dpi, metadata=style.SAVE_METADATA[fmt])
        path = out / f"{r.id}.{fmt}"
        atomic_write(path, buf.getvalue())
        paths.append(path)
    path = out / f"{r.id}.md"
    atomic_write(path, caption_text(r))
    paths.append(path)
    return paths


def close(r):
    import matplotlib.pyplot as plt

    plt.close(r.figure)
