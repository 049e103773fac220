"""Overview figures: all six violations, by period, region and party; the map; the trend across reports."""
from .. import aggregate, style
from ..i18n import label, percent
from ..loader import VIOLATIONS, load
from ._core import (
    C,
    COUNTRY_REPORTS,
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
        "Verified grave violations against children in Mali, {report_period}",
        "Violations graves vérifiées contre des enfants au Mali, {report_period}",
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
        "Grave violations verified per month in Mali, by violation and period, {report_period}",
        "Violations graves vérifiées par mois au Mali, par violation et par période, {report_period}",
        "Monthly averages of the violations verified in each period of the report; the periods are 6, 12, 12 and 3 months long, "
        "so the averages, not the raw counts, are comparable. The number on each bar is the monthly average its height shows; "
        "the raw counts are in the rows drawn, listed with the caption.",
        "Moyennes mensuelles des violations vérifiées dans chaque période du rapport ; les périodes durent 6, 12, 12 et 3 mois : "
        "ce sont les moyennes, non les nombres bruts, qui se comparent. Le nombre inscrit sur chaque barre est la moyenne mensuelle que montre sa hauteur ; "
        "les nombres bruts figurent dans les lignes représentées, jointes à la légende.")
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
        texts.append([ctx.n(x, 1) for x in per])  # the number a bar shows is its height: the rate
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
        "Verified grave violations by region of Mali and violation, {report_period}",
        "Violations graves vérifiées par région du Mali et par violation, {report_period}",
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
    cmap, norm, colours = _scale()
    sns.heatmap(data, ax=ax, cmap=cmap, norm=norm, annot=False, linewidths=0.5, linecolor=style.NEUTRAL, cbar=False,
                mask=np.isnan(data), xticklabels=[label("region", r, ctx.lang) for r in regions],
                yticklabels=[_fit(ctx, label("violation", v, ctx.lang), ctx.sz.width * 0.24) for v in VIOLATIONS])
    _mark_table(ctx, ax, how, regions, "cell", lambda x: ctx.n(x) if x == x else ctx.t("word.not_stated"))
    for i, j in zip(*np.where(~np.isnan(data))):  # each number in the colour of higher contrast on its cell
        fill = colours[int(norm(data[i, j]))]
        ax.text(j + 0.5, i + 0.5, ctx.n(data[i, j]), ha="center", va="center", fontsize=ctx.small,
                color=style.text_colour_on(fill))
    for i, j in zip(*np.where(np.isnan(data))):
        ax.add_patch(__import__("matplotlib").patches.Rectangle((j, i), 1, 1, **style.UNKNOWN, lw=0.5))
    ax.tick_params(axis="x", rotation=90, labelsize=ctx.small)
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(used, "grave_violations")
    _finish(fig, ctx, "overview_regions", rows, key=_scale_key(ctx, data))
    return fig, rows, [float(x) for x in data[~np.isnan(data)]]


@figure("overview_attribution", "overview",
        "Who was responsible for the grave violations verified in Mali, {report_period}",
        "Responsables des violations graves vérifiées au Mali, {report_period}",
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
                  texts=[_qual(ctx, q) + percent(v, ctx.lang) for v, q in zip(parts["value"], parts["qualifier"].astype(str))])
    ax.set_xlabel(ctx.t("axis.percent"))
    ax.set_xlim(0, 100)
    rows = _prov(parts, "grave_violations")
    _finish(fig, ctx, "overview_attribution", rows)
    return fig, rows, drawn


@figure("overview_previous_report", "overview",
        "Grave violations verified per month in Mali: this report against the previous one, {since_previous_report}",
        "Violations graves vérifiées par mois au Mali : ce rapport comparé au précédent, {since_previous_report}",
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



def _scale():
    """The classed sequential scale of counts (style.SEQUENTIAL_BINS): colour map, norm and colours."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    colours = style.sequential_colours()
    bounds = list(style.SEQUENTIAL_BINS) + [float("inf")]
    return ListedColormap(colours), BoundaryNorm(bounds, len(colours)), colours


def _class_text(ctx, i, top):
    """The name of class ``i`` of the sequential scale, its upper end cut at ``top`` (the largest value drawn)."""
    bins = list(style.SEQUENTIAL_BINS)
    lo = bins[i]
    hi = min(bins[i + 1] - 1, top) if i + 1 < len(bins) else top
    return ctx.n(lo) if hi == lo else f"{ctx.n(lo)}–{ctx.n(hi)}"


def _scale_key(ctx, values):
    """The key of the classed scale, one entry per class up to the largest value drawn, and 'not stated'."""
    import numpy as np
    from matplotlib.patches import Patch

    colours = style.sequential_colours()
    top = int(np.nanmax(np.asarray(values, dtype=float)))
    handles = [Patch(facecolor=colours[i], edgecolor=style.NEUTRAL, lw=0.5, label=_class_text(ctx, i, top))
               for i, lo in enumerate(style.SEQUENTIAL_BINS) if lo <= top]
    handles.append(Patch(**style.UNKNOWN, lw=0.5, label=ctx.t("word.not_stated")))
    ncols = {"column": 4}.get(ctx.size, len(handles))
    return dict(handles=handles, ncols=ncols, handlelength=1.2, columnspacing=1.0, title=ctx.t("map.legend"))


def _map_class(ctx, value, top):
    """The class of the scale a value is drawn in, named as the key names it."""
    if value != value:
        return ctx.t("word.not_stated")
    i = max(i for i, b in enumerate(style.SEQUENTIAL_BINS) if b <= value)
    return _class_text(ctx, i, top)


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
        "Verified grave violations by region of Mali, {report_period}",
        "Violations graves vérifiées par région du Mali, {report_period}",
        "One map per violation and one for all six, on one colour scale: each region's count in the violation's own unit (cases of recruitment, children, attacks, incidents). "
        "White: a stated zero (the region is absent from a complete list). Hatched grey: the report gives no figure for the region (for all six together it gives only the five most affected regions; "
        "denial of access elsewhere is in its 'other regions'). Children recruited abroad (10) and the 53 incidents in 'other regions' cannot be mapped. Ménaka is shown as its own region, as in the report.",
        "Une carte par violation et une pour les six, sur une même échelle de couleurs : le nombre de chaque région dans l'unité de la violation (cas de recrutement, enfants, attaques, incidents). "
        "Blanc : zéro indiqué (la région est absente d'une liste complète). Gris hachuré : le rapport ne donne pas de chiffre pour la région (pour les six ensemble, il ne donne que les cinq régions les plus touchées ; "
        "les refus d'accès ailleurs sont dans ses « autres régions »). Les 10 enfants recrutés à l'étranger et les 53 incidents des « autres régions » ne peuvent pas être cartographiés. Ménaka est une région à part entière, comme dans le rapport.")
def _overview_map(ctx):
    import numpy as np

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
    cmap, norm, _ = _scale()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    w = ctx.sz.width
    nrows, ncols = {"column": (4, 2), "double": (2, 4)}.get(ctx.size, (1, 7))  # one row on slides and posters
    title_h = 3 * ctx.small * 1.3 / 72 if nrows == 1 else 0  # a single row: room for titles of three lines
    fig = Figure(figsize=(w, round(nrows * w / ncols * 0.8 + title_h, 3)), layout="constrained", dpi=LAYOUT_DPI)
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    drawn = []
    top = int(max(float(x) for _, values in panels for x in values if x == x))
    for ax, (v, values) in zip(axes.flat, panels):
        g = geo.assign(value=[float(x) for x in values])
        known = g[g["value"].notna()]
        unknown = g[g["value"].isna()]
        known.plot(ax=ax, column="value", cmap=cmap, norm=norm, edgecolor=style.NEUTRAL, linewidth=0.4)
        if len(unknown):
            unknown.plot(ax=ax, color=style.UNKNOWN["facecolor"], hatch=style.UNKNOWN["hatch"],
                         edgecolor=style.UNKNOWN["edgecolor"], linewidth=0.4)
        drawn += [float(x) for x in known["value"]]
        _mark_table(ctx, ax, how.loc[[v]], regions, "class", lambda x: _map_class(ctx, x, top))
        ax.set_title(_fit(ctx, label("violation", v, ctx.lang), ctx.sz.width / ncols * 0.78), fontsize=ctx.small,
                     loc="left")
        ax.set_axis_off()
    for extra in axes.flat[len(panels):]:
        extra.remove()  # the key goes below the maps, where the layout engine makes room for it
    key = _scale_key(ctx, drawn)
    rows = _concat(_prov(used, "grave_violations"), _prov(totals, "grave_violations"))
    from ..citation import source_name
    from ..package import open_package

    boundaries = {s["source_id"]: s for s in open_package().records("sources")}["geoBoundaries-MLI-ADM2"]
    _finish(fig, ctx, "overview_map", rows, note=ctx.t("map.boundaries") + source_name(boundaries, ctx.lang), key=key)
    for coll_ax in axes.flat:
        coll_ax.set_aspect("equal")
    return fig, rows, drawn


@figure("country_reports_trend", "overview",
        "Grave violations verified per month in Mali, across the Secretary-General's country reports, {country_reports_years}",
        "Violations graves vérifiées par mois au Mali, d'un rapport de pays du Secrétaire général à l'autre, {country_reports_years}",
        "Each report's total of verified grave violations divided by the months it covers ({months}); the raw total is printed on each bar. "
        "The second report's total is as the third quotes it (its parts add up to more, see d-01); the fourth and fifth are as read from secondary web pages. "
        "No total was found for the first report (2012-2013).",
        "Total des violations graves vérifiées de chaque rapport divisé par le nombre de mois couverts ({months}) ; le total brut est inscrit sur chaque barre. "
        "Le total du deuxième rapport est celui que cite le troisième (la somme de ses parties est plus élevée, voir d-01) ; ceux du quatrième et du cinquième proviennent de pages web secondaires. "
        "Aucun total n'a été trouvé pour le premier rapport (2012-2013).")
def _country_reports(ctx):
    cr = load("country_reports")
    src = load("sources").set_index("source_id")
    tot = cr[(cr.violation == "all") & (cr.unit == "violations") & (cr.sex == "all") & cr.restates.isna()].copy()
    order = COUNTRY_REPORTS
    labels, rates, texts, colours, ids, months, stated_months = [], [], [], [], [], [], []
    for rep in order:
        s = src.loc[rep]
        m = months_between(s["period_start"], s["period_end"])
        name = s["short_name"].replace("Fifth country report (2024)", ctx.t("word.fifth_report"))
        labels.append(f"{name}\n{s['period_start'].year}–{s['period_end'].year} ({m} {ctx.t('word.months_short')})")
        row = tot[tot.report == rep]
        ids.append(tuple(row["row_id"]))
        months.append(m)
        if len(row):
            stated_months.append(m)
            v = float(row["value"].iloc[0])
            rates.append(v / m)
            texts.append(ctx.n(v) + (" *" if bool(row["secondary"].iloc[0]) else ""))
            colours.append(style.NEUTRAL if bool(row["secondary"].iloc[0]) else C["all"])
        else:
            rates.append(0.0)
            texts.append(ctx.t("word.no_total"))
            colours.append(style.UNKNOWN["facecolor"])
    from babel.lists import format_list

    ctx.facts["months"] = format_list([ctx.n(m) for m in stated_months], locale=ctx.lang)
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


