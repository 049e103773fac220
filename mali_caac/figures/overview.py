"""Overview figures: all six violations, by period, region and party; the map; the trend across reports."""
from .. import aggregate, style
from ..i18n import label
from ..loader import VIOLATIONS, load
from ._core import (
    C,
    _annotate,
    _bars,
    _concat,
    LAYOUT_DPI,
    _finish,
    _fit,
    _grouped,
    _gv_breakdown,
    _legend,
    _new,
    _prov,
    _qual,
    figure,
    months_between,
)


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
    from ..reconcile import HEADLINE_UNITS

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
    drawn = _bars(ax, ctx, labels, parts["value"], [C[v] for v in parts.violation], horizontal=True, ids=parts["row_id"])
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

    frames, series, texts, ids, rates = [], {}, [], [], []
    periods = None
    for v in VIOLATIONS:
        if v == "attacks_on_schools_and_hospitals":
            sch = aggregate.per_month(_gv_breakdown("period", v, subtype="schools")).sort_values("period")
            hos = aggregate.per_month(_gv_breakdown("period", v, subtype="hospitals")).sort_values("period")
            frames += [sch, hos]
            values = list(sch["value"].to_numpy() + hos["value"].to_numpy())
            months = list(sch["months"])
            per = [a / m for a, m in zip(values, months)]
            ids.append(list(zip(sch["row_id"], hos["row_id"])))
        else:
            parts = aggregate.per_month(_gv_breakdown("period", v)).sort_values("period")
            frames.append(parts)
            values, per, months = list(parts["value"]), list(parts["per_month"]), list(parts["months"])
            ids.append(list(parts["row_id"]))
        periods = periods or [p for p in (frames[-1]["period"])]
        series[label("violation", v, ctx.lang)] = per
        texts.append([ctx.n(x) for x in values])
        rates.append(months)
    fig, ax = _new(ctx, 0.55)
    groups = [label("period", p, ctx.lang) for p in periods]
    drawn = _grouped(ax, ctx, groups, series, [C[v] for v in VIOLATIONS], texts=texts, ids=ids, months=rates)
    ax.set_ylabel(ctx.t("axis.per_month"))
    _legend(ax, 6, ctx.small)
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
    table, how = aggregate.violations_by("region", regions, derived=True)
    gv = load("grave_violations")
    used = gv[gv.restates.isna() & (gv.period == "all") & (gv.perpetrator == "all") & (gv.sex == "all")
              & (gv.cause == "all") & (gv.outcome == "all") & gv.region.isin(regions)
              & gv.violation.isin(VIOLATIONS) & (gv.unit != "percent")]
    fig, ax = _new(ctx, 0.55)
    data = table.to_numpy(dtype=float)
    sns.heatmap(data, ax=ax, cmap="Blues", annot=True, fmt=".0f", linewidths=0.5, linecolor="white",
                annot_kws={"fontsize": ctx.small}, cbar_kws={"label": ctx.t("axis.count"), "shrink": 0.8},
                mask=np.isnan(data), xticklabels=[label("region", r, ctx.lang) for r in regions],
                yticklabels=[_fit(ctx, label("violation", v, ctx.lang), ctx.sz.width * 0.24) for v in VIOLATIONS])
    _mark_table(ctx, ax, how, regions, "cell", lambda x: ctx.n(x) if x == x else ctx.t("word.not_stated"))
    for i, j in zip(*np.where(np.isnan(data))):
        ax.add_patch(__import__("matplotlib").patches.Rectangle((j, i), 1, 1, fill=False, hatch="///",
                                                                 edgecolor=style.UNKNOWN["edgecolor"], lw=0))
    ax.tick_params(axis="x", rotation=90, labelsize=ctx.small)
    ax.tick_params(axis="y", labelsize=ctx.small)
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
    drawn = _bars(ax, ctx, labels, parts["value"], [style.UNATTRIBUTED, C["all"], C["all"]],
                  horizontal=True, qualifiers=list(parts["qualifier"].astype(str)), ids=parts["row_id"],
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

    from ..reconcile import HEADLINE_UNITS

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
    drawn = _grouped(ax, ctx, groups, series, [style.NEUTRAL, C["all"]], texts=texts,
                     ids=[[f["row_id"].iloc[0] for f in frames[0::2]], [f["row_id"].iloc[0] for f in frames[1::2]]],
                     months=[[months["2014-2017H1"]] * len(before), [months["all"]] * len(now)])
    ax.tick_params(axis="x", labelsize=ctx.small)
    ax.set_ylabel(ctx.t("axis.per_month"))
    rows = _prov(pd.concat(frames), "grave_violations")
    _finish(fig, ctx, "overview_previous_report", rows)
    return fig, rows, drawn



MAP_BINS = [0, 1, 10, 25, 50, 100, 200, 400, 700]


def _map_class(ctx, value):
    """The class of the map's scale a value is drawn in, as its key names it."""
    if value != value:
        return ctx.t("word.not_stated")
    if value == 0:
        return "0"
    lo = max(b for b in MAP_BINS if b <= value)
    return f"{lo}–{MAP_BINS[MAP_BINS.index(lo) + 1] - 1}"


def _mark_table(ctx, ax, how, regions, drawn_as, text):
    """Record the cells of a violations-by-region table (:func:`aggregate.violations_by` with
    ``derived=True``): one mark per violation and region, a missing figure as 'not stated'."""
    from ..reconcile import Derived

    for v, found in how.iterrows():
        for r in regions:
            d = found[r] if isinstance(found[r], Derived) else None
            value = float("nan") if d is None else float(d.value)
            ctx.mark(ax, label("region", r, ctx.lang), value, d.summed if d else (), drawn_as,
                     series=label("violation", v, ctx.lang), label=text(value), zero_from=d.zero_from if d else ())


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
    import numpy as np
    import seaborn as sns
    from matplotlib.colors import BoundaryNorm, ListedColormap

    from ..geography import load_regions_geometry

    geo = load_regions_geometry()
    regions = list(geo["region"])
    table, how = aggregate.violations_by("region", regions, derived=True)
    gv = load("grave_violations")
    totals = gv[(gv.violation == "all") & (gv.unit == "violations") & (gv.period == "all") & (gv.perpetrator == "all")
                & gv.restates.isna() & gv.region.isin(regions)]
    total_map = dict(zip(totals["region"].astype(str), totals["value"]))
    panels = [(v, [table.loc[v, r] for r in regions]) for v in VIOLATIONS]
    panels.append(("all", [total_map.get(r, np.nan) for r in regions]))
    from ..reconcile import Derived

    for r, v, i in zip(totals["region"].astype(str), totals["value"], totals["row_id"]):
        how.loc["all", r] = Derived(v, (i,))
    used = gv[gv.restates.isna() & (gv.period == "all") & (gv.perpetrator == "all") & (gv.sex == "all")
              & (gv.cause == "all") & (gv.outcome == "all") & gv.region.isin(regions) & (gv.unit != "percent")
              & gv.violation.isin(VIOLATIONS)]
    colours = ["#FFFFFF"] + sns.color_palette("rocket_r", len(MAP_BINS) - 2).as_hex()
    cmap, norm = ListedColormap(colours), BoundaryNorm(MAP_BINS, len(colours))
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    w = ctx.sz.width
    nrows, ncols = (4, 2) if ctx.size == "column" else (2, 4)
    fig = Figure(figsize=(w, round(w * 0.8 * nrows / ncols, 3)), layout="constrained", dpi=LAYOUT_DPI)
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols)
    drawn = []
    for ax, (v, values) in zip(axes.flat, panels):
        g = geo.assign(value=[float(x) for x in values])
        known = g[g["value"].notna()]
        unknown = g[g["value"].isna()]
        known.plot(ax=ax, column="value", cmap=cmap, norm=norm, edgecolor=style.NEUTRAL, linewidth=0.4)
        if len(unknown):
            unknown.plot(ax=ax, color=style.UNKNOWN["facecolor"], hatch=style.UNKNOWN["hatch"],
                         edgecolor=style.UNKNOWN["edgecolor"], linewidth=0.4)
        drawn += [float(x) for x in known["value"]]
        _mark_table(ctx, ax, how.loc[[v]], regions, "class", lambda x: _map_class(ctx, x))
        ax.set_title(_fit(ctx, label("violation", v, ctx.lang), ctx.sz.width / ncols * 0.78), fontsize=ctx.small,
                     loc="left")
        ax.set_axis_off()
    axes.flat[-1].remove()  # the legend goes below the maps, where the layout engine makes room for it
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colours[0], edgecolor=style.NEUTRAL, label="0")]
    handles += [Patch(facecolor=colours[i], edgecolor=style.NEUTRAL,
                      label=f"{MAP_BINS[i]}–{MAP_BINS[i + 1] - 1}") for i in range(1, len(colours))]
    handles.append(Patch(**style.UNKNOWN, label=ctx.t("word.not_stated")))
    key = dict(handles=handles, ncols={"column": 4, "double": len(handles)}.get(ctx.size, 5), handlelength=1.0,
               columnspacing=0.8, title=ctx.t("map.legend"))
    rows = _concat(_prov(used, "grave_violations"), _prov(totals, "grave_violations"))
    from ..citation import source_name
    from ..package import open_package

    boundaries = {s["source_id"]: s for s in open_package().records("sources")}["geoBoundaries-MLI-ADM2"]
    _finish(fig, ctx, "overview_map", rows, note=ctx.t("map.boundaries") + source_name(boundaries, ctx.lang), key=key)
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
    labels, rates, texts, colours, ids, months = [], [], [], [], [], []
    for rep in order:
        s = src.loc[rep]
        m = months_between(s["period_start"], s["period_end"])
        name = s["short_name"].replace("Fifth country report (2024)", ctx.t("word.fifth_report"))
        labels.append(f"{name}\n{s['period_start'].year}–{s['period_end'].year} ({m} {ctx.t('word.months_short')})")
        row = tot[tot.report == rep]
        ids.append(tuple(row["row_id"]))
        months.append(m)
        if len(row):
            v = float(row["value"].iloc[0])
            rates.append(v / m)
            texts.append(ctx.n(v) + (" *" if bool(row["secondary"].iloc[0]) else ""))
            colours.append(style.NEUTRAL if bool(row["secondary"].iloc[0]) else C["all"])
        else:
            rates.append(0.0)
            texts.append(ctx.t("word.no_total"))
            colours.append(style.UNKNOWN["facecolor"])
    fig, ax = _new(ctx, 0.62)
    keep = [i for i, tx in enumerate(texts) if tx != ctx.t("word.no_total")]
    bars = ax.bar(keep, [rates[i] for i in keep], color=[colours[i] for i in keep], width=0.7)
    _annotate(ax, bars, [texts[i] for i in keep], False)
    for i in range(len(labels)):
        ctx.mark(ax, labels[i], rates[i] if i in keep else None, ids[i], "bar" if i in keep else "text", label=texts[i],
                 months=months[i] if i in keep else None)
    for i in set(range(len(labels))) - set(keep):
        ax.annotate(_fit(ctx, texts[i], ctx.sz.width * 0.5 / len(labels)), (i, 0), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=ctx.small, color=style.TEXT_MUTED)
    ax._mc_categories = list(labels)
    ax.set_xticks(range(len(labels)), [_fit(ctx, x, ctx.sz.width * 0.72 / len(labels)) for x in labels])
    ax.tick_params(axis="x", labelsize=ctx.small)
    ax.grid(axis="x", visible=False)
    ax.set_ylim(0, max(rates) * 1.2)
    ax.set_ylabel(ctx.t("axis.violations_per_month"))
    rows = _prov(tot, "country_reports")
    _finish(fig, ctx, "country_reports_trend", rows, note=ctx.t("word.secondary_star") + " " + ctx.t("word.capacity_caveat"))
    return fig, rows, [rates[i] for i in keep]


