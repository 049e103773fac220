"""Charts along time: points at their months (``dated_points``) and yearly series of US aid with the coups
marked (``aid_series``), the draw functions of :mod:`mali_caac.charts`.
"""
from .. import style
from .context import _prov
from .layout import _count_ticks, _finish, _legend, _new, tick_formatter


MARKERS = ("o", "s", "D", "^", "v")
"""The markers that tell the sources of a figure's points apart, in the order of their first dates."""


def dated_points_figure(ctx, fid, table, source_colours, unit_axis):
    """A point per row at the middle of its month, with its month and value written above it; one
    colour and marker per source, named in the legend; a date axis in the figure's language."""
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.ticker import FuncFormatter

    from ..i18n import date_label
    from ..loader import load

    source_colours = {sid: ctx.fill(role, "colours") for sid, role in source_colours.items()}
    pts = table.copy()
    pts["date"] = pd.to_datetime(pts["as_of"] + "-15")  # a month: drawn in its middle
    pts = pts.sort_values("date")
    fig, ax = _new(ctx, 0.45)
    names = load("sources").set_index("source_id")["short_name" if ctx.lang == "en" else "short_name_fr"]
    for (sid, grp), marker in zip(pts.groupby("source_id", sort=False), MARKERS):
        ax.plot(grp["date"], grp["value"], marker=marker, linestyle="none", color=source_colours[sid],
                markersize=8, label=names.loc[sid])
        for r in grp.to_dict("records"):
            ctx.mark(ax, r["as_of"], r["value"], r["row_id"], "point", series=names.loc[sid], label=ctx.n(r["value"]))
    for _, r in pts.iterrows():  # each point with its month and its number
        ax.annotate(f"{date_label(r['as_of'], ctx.lang)}\n{ctx.n(r['value'])}", (r["date"], r["value"]), xytext=(0, 7),
                    textcoords="offset points", ha="center", va="bottom", fontsize=ctx.small, linespacing=1.1)
    ax.set_ylim(0, pts["value"].max() * 1.45)
    ax.set_ylabel(ctx.t(unit_axis))
    # a date axis: a tick at each January (and July, where there is room), in the figure's language (Babel)
    first, last = pts["date"].min(), pts["date"].max()
    ax.set_xlim(first - pd.DateOffset(months=3), last + pd.DateOffset(months=3))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1,) if ctx.size == "column" else (1, 7)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, pos=None: date_label(mdates.num2date(x), ctx.lang)))
    ax.yaxis.set_major_formatter(tick_formatter(ctx.lang))
    _count_ticks(ax, pts["value"])
    _legend(ax, len(source_colours))
    rows = _prov(pts)
    _finish(fig, ctx, fid, rows)
    return fig, rows, [float(v) for v in pts["value"]]


COUPS = ((2012.2, "coup.2012", "left"), (2020.6, "coup.2020", "right"), (2021.4, "coup.2021", "left"))
"""The coups in Mali as the factsheet (CHRHS-SAM-InterAction-2022) dates them, as fractional years, each with its
own label and its alignment (``ha``: "right" puts the label left of its line): March 2012 ("In March of the same year, a military coup"),
August 2020 ("control of the government on August 18, 2020") and the second, in 2021 ("after the second coup in
2021"; "between late 2020 and June 2021", so drawn before June); the label says only the year the source gives."""


def _constant_base_year(sel):
    """The fiscal year in which the constant and the current amounts of the file are equal for every series of
    ``sel`` (rows of ``us_aid_series`` in constant dollars): the base year of its constant dollars; None
    when the series do not agree on exactly one such year (the file itself does not state it)."""
    from ..loader import load

    every = load("us_aid_series")
    found = set()
    for ttype in sel["transaction_type"].astype(str).unique():
        rows = every[every["transaction_type"].astype(str) == ttype]
        current = dict(zip(rows.loc[rows["dollars"] == "current", "fiscal_year"], rows.loc[rows["dollars"] == "current", "value"]))
        constant = rows[rows["dollars"] == "constant"]
        found.add(tuple(y for y, v in zip(constant["fiscal_year"], constant["value"]) if current.get(y) == v))
    years = found.pop() if len(found) == 1 else ()
    return int(years[0]) if len(years) == 1 else None


def aid_series(ctx, fid, sel):
    """Lines of yearly aid in millions, one per transaction type, incomplete years as open markers."""
    for ttype in ("obligations", "disbursements"):
        years = sel.loc[sel.transaction_type == ttype, "fiscal_year"].astype(int)
        ctx.facts[f"{ttype}_years"] = f"{years.min()}–{years.max()}"
    fig, ax = _new(ctx, 0.62)
    drawn, partial = [], set()
    styles = {"obligations": (ctx.fill("transaction.obligations"), "o"),
              "disbursements": (ctx.fill("transaction.disbursements"), "s")}
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
            partial.update(int(y) for y in part["fiscal_year"])
        drawn += [float(v) / 1e6 for v in grp["value"]]
        for r in grp.to_dict("records"):
            ctx.mark(ax, str(int(r["fiscal_year"])), r["value"] / 1e6, r["row_id"], "line" if r["complete"] else "point",
                     series=ctx.t(f"aid.{ttype}"), scale=10 ** 6)
    top = sel["value"].max() / 1e6
    ctx.fill("context")  # the coups' dashed lines: context
    for year, key, side in COUPS:
        ax.axvline(year, color=style.NEUTRAL, linewidth=0.8, linestyle="--")
        # beside its own line, on the side away from its neighbour, so that no line crosses it
        # one line in print, where the labels stand in narrow columns of years; two on a wide, short slide or poster
        text = ctx.t(key).replace(", ", ",\n", 1) if ctx.size in ("slides", "poster") else ctx.t(key)
        ax.annotate(text, (year, top * 1.08), xytext=((-0.3 if side == "right" else 0.3) * ctx.small, 0),
                    textcoords="offset points", rotation=90, fontsize=ctx.small, ha=side, va="top",
                    color=style.TEXT_MUTED, gid="coup_label")
    ax.set_ylim(0, top * 1.1)
    ax.set_xlabel(ctx.t("axis.fiscal_year"))
    ax.xaxis._mc_years = True  # 1961, not 1,961
    base = _constant_base_year(sel)
    ax.set_ylabel(ctx.t("axis.usd_millions_constant_of").format(year=base) if base else ctx.t("axis.usd_millions_constant"))
    if partial:  # the key explains the hollow markers too
        ax.plot([], [], linestyle="none", marker="o", markersize=5, markerfacecolor="white", color=style.TEXT,
                label=ctx.t("aid.partial_year").format(years=", ".join(str(y) for y in sorted(partial))))
    _legend(ax, 3)
    rows = _prov(sel, "us_aid_series")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn
