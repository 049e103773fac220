"""Charts of the report's periods, which differ in length, so counts stand beside rates per month
(the draw functions of :mod:`mali_caac.charts`' ``period_bars``, ``grouped_period_bars``,
``region_period_bars``, ``rates_by_period``, ``reports_compared`` and ``report_rates``).
"""
from .. import aggregate, style
from ..i18n import label
from ..package import open_package
from .context import _concat, _prov
from .layout import _finish, _fit, _legend, _new
from .marks import _annotate, _bars, _grouped
from .texts import COUNTRY_REPORTS, months_between


def _rate_axis(unit_axis):
    """The key of a rate axis that names its unit ('axis.children' -> 'axis.children_per_month')."""
    from ..i18n import TEXT

    key = f"{unit_axis}_per_month"
    if key not in TEXT:
        raise ValueError(f"no rate axis {key!r}: a rate per month must name its unit (add it to mali_caac/i18n_text.py)")
    return key


def period_figure(ctx, fid, parts, colour, unit_axis, note_key="word.different_lengths", rate_axis="axis.per_month"):
    """Counts by period beside rates per month: periods of different length. ``unit_axis`` and
    ``rate_axis`` name what is counted (verified violations by default)."""
    parts = aggregate.per_month(parts.sort_values("period"))
    fig, (a1, a2) = _new(ctx, 0.5, ncols=2)
    labels = [label("period", p, ctx.lang) for p in parts["period"]]
    drawn = _bars(a1, ctx, labels, parts["value"], colour, ids=parts["row_id"])
    a1.set_ylabel(ctx.t(unit_axis))
    drawn += _bars(a2, ctx, labels, parts["per_month"], colour, decimals=1, ids=parts["row_id"], months=parts["months"])
    a2.set_ylabel(ctx.t(rate_axis))
    for ax in (a1, a2):
        ax.tick_params(axis="x", labelsize="small")
    rows = _prov(parts, parts.attrs.get("dataset") or "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t(note_key))
    return fig, rows, drawn


def period_grouped(ctx, fid, series, vocabulary, colours, unit_axis):
    """Side-by-side bars of several series by period (a) and per month (b), one key under both panels."""
    parts = [aggregate.per_month(s.sort_values("period")) for s in series.values()]
    groups = [label("period", p, ctx.lang) for p in parts[0]["period"]]
    names = [ctx.t(f"word.{code}") if vocabulary == "word" else label(vocabulary, code, ctx.lang) for code in series]
    fig, (a1, a2) = _new(ctx, 0.44, ncols=2)
    ids = [p["row_id"] for p in parts]
    drawn = _grouped(a1, ctx, groups, dict(zip(names, [list(p["value"]) for p in parts])), colours, ids=ids)
    a1.set_ylabel(ctx.t(unit_axis))
    drawn += _grouped(a2, ctx, groups, dict(zip(names, [list(p["per_month"]) for p in parts])), colours,
                      texts=[[ctx.n(v, 1) for v in p["per_month"]] for p in parts],
                      ids=ids, months=[p["months"] for p in parts])
    a2.set_ylabel(ctx.t(_rate_axis(unit_axis)))
    handles, _ = a1.get_legend_handles_labels()
    for ax in (a1, a2):  # one key for both panels, under them
        ax.get_legend().remove()
        ax.tick_params(axis="x", labelsize=ctx.small)
    rows = _concat(*[_prov(p, p.attrs.get("dataset") or "grave_violations") for p in parts])
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"), key=dict(handles=handles, labels=names, ncols=1))
    return fig, rows, drawn


def region_period_figure(ctx, fid, by_region, by_period, colour, unit_axis):
    """Where and when: the count by region (a), by period (b) and per month (c)."""
    reg = by_region.sort_values("value", ascending=False, kind="stable")
    per = aggregate.per_month(by_period.sort_values("period"))
    # the regions on the left, the periods in counts over the periods per month on the right, so that
    # the period labels have half the width each (one column at column size)
    fig, axes = _new(ctx, 0.45 if ctx.size == "column" else 0.62, ncols=3)
    for ax in axes:
        ax.remove()
    layout = [["a"], ["b"], ["c"]] if ctx.size == "column" else [["a", "b"], ["a", "c"]]
    panels = fig.subplot_mosaic(layout)
    a1, a2, a3 = panels["a"], panels["b"], panels["c"]
    drawn = _bars(a1, ctx, [label("region", r, ctx.lang) for r in reg["region"]], reg["value"], colour, horizontal=True,
                  ids=reg["row_id"])
    a1.set_xlabel(ctx.t(unit_axis))
    periods = [label("period", p, ctx.lang) for p in per["period"]]
    drawn += _bars(a2, ctx, periods, per["value"], colour, ids=per["row_id"])
    a2.set_ylabel(ctx.t(unit_axis))
    drawn += _bars(a3, ctx, periods, per["per_month"], colour, decimals=1, ids=per["row_id"], months=per["months"])
    a3.set_ylabel(ctx.t(_rate_axis(unit_axis)))
    for ax in (a2, a3):
        ax.tick_params(axis="x", labelsize=ctx.small)
    rows = _concat(_prov(reg), _prov(per))
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


def rates_by_period(ctx, fid, table):
    """Grouped bars of each violation's rate per month by period; rows of one violation and period summed."""
    import pandas as pd

    frames, series, texts, ids, rates = [], {}, [], [], []
    periods = None
    keys = [k for k in ("violation", "subtype") if k in table.columns]
    for v, vrows in table.groupby("violation", sort=False, observed=True):
        parts = [aggregate.per_month(g).sort_values("period") for _, g in vrows.groupby(keys, sort=False, observed=True)]
        frames += parts
        values = [sum(vals) for vals in zip(*(p["value"].to_numpy() for p in parts))]
        months = list(parts[0]["months"])
        per = [a / m for a, m in zip(values, months)] if len(parts) > 1 else list(parts[0]["per_month"])
        ids.append(list(zip(*(p["row_id"] for p in parts))) if len(parts) > 1 else list(parts[0]["row_id"]))
        periods = periods or [p for p in (frames[-1]["period"])]
        unit = f" ({ctx.t('unit.' + str(vrows['unit'].iloc[0]))})" if "unit" in vrows else ""
        series[label("violation", v, ctx.lang) + unit] = per
        texts.append([ctx.n(x, 1) for x in per])  # the number a bar shows is its height: the rate
        rates.append(months)
    violations = list(dict.fromkeys(table["violation"].astype(str)))
    fig, ax = _new(ctx, 0.55)
    groups = [label("period", p, ctx.lang) for p in periods]
    drawn = _grouped(ax, ctx, groups, series, [f"violation.{v}" for v in violations], texts=texts, ids=ids, months=rates)
    ax.set_ylabel(ctx.t("axis.per_month_unit_in_key" if "unit" in table else "axis.per_month"))
    _legend(ax, len(violations), ctx.small)
    rows = _prov(pd.concat(frames), "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


def _report_of_period(period):
    """The country report whose period is ``period`` (periods table), by its dates in the sources table."""
    pkg = open_package()
    p = {r["period"]: r for r in pkg.records("periods")}[period]
    for src in pkg.records("sources"):
        if src["source_id"] in COUNTRY_REPORTS and str(src.get("period_start")) == str(p["start"]) \
                and str(src.get("period_end")) == str(p["end"]):
            return src["source_id"]
    raise ValueError(f"no country report in the sources table covers the period {period!r} ({p['start']} to {p['end']})")


def reports_compared(ctx, fid, table, previous, current):
    """Per violation, the previous report's period beside this one's, per month of each (the periods differ in
    length): each bar prints the rate it draws; each report's total and the violation's unit are under its name;
    each report in its source's colour."""
    import pandas as pd

    months = {p["period"]: p["months"] for p in open_package().records("periods")}
    violations = list(dict.fromkeys(table["violation"].astype(str)))
    frames, before, now, units = [], [], [], []
    for v in violations:
        a = table[(table.violation == v) & (table.period == previous)]
        b = table[(table.violation == v) & (table.period == current)]
        frames += [a, b]
        before.append(float(a["value"].iloc[0]))
        now.append(float(b["value"].iloc[0]))
        units.append(str(b["unit"].iloc[0]))
    names = [ctx.t("word.previous_report"), ctx.t("word.this_report")]
    roles = [f"source.{_report_of_period(previous)}", f"source.{_report_of_period(current)}"]
    ids = [[f["row_id"].iloc[0] for f in frames[0::2]], [f["row_id"].iloc[0] for f in frames[1::2]]]
    rate_months = [[months[previous]] * len(before), [months[current]] * len(now)]
    # the totals go in the category label, the bars carry the rates they draw
    groups = [f"{label('violation', v, ctx.lang)}\n" + ctx.t("word.totals_pair").format(
              previous=ctx.n(x), current=ctx.n(y), unit=ctx.t("unit." + u))
              for v, u, x, y in zip(violations, units, before, now)]
    rates = [[x / months[previous] for x in before], [x / months[current] for x in now]]
    fig, ax = _new(ctx, 0.55)
    drawn = _grouped(ax, ctx, groups, dict(zip(names, rates)), roles,
                     texts=[[ctx.n(x, 1) for x in r] for r in rates], ids=ids, months=rate_months)
    # six labels of four or five lines in a column's width: the smallest size the house allows there
    ax.tick_params(axis="x", labelsize=6.0 if ctx.size == "column" else ctx.small)
    ax.set_ylabel(ctx.t("axis.per_month_each_unit"))
    rows = _prov(pd.concat(frames), "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


def report_rates(ctx, fid, tot):
    """Bars of each country report's total per month of its period, each printing its rate; the total is
    in the report's label. A total read from a secondary page is starred and drawn hollow (with a key);
    a report without a total is marked as such."""
    from babel.lists import format_list
    from matplotlib.patches import Patch

    from ..loader import load

    src = load("sources").set_index("source_id")
    labels, rates, texts, secondary, ids, months, stated_months = [], [], [], [], [], [], []
    for rep in COUNTRY_REPORTS:
        s = src.loc[rep]
        m = months_between(s["period_start"], s["period_end"])
        name = s["short_name"].replace("Fifth country report (2024)", ctx.t("word.fifth_report"))
        head = f"{name}\n{s['period_start'].year}–{s['period_end'].year} ({m} {ctx.t('word.months_short')})"
        row = tot[tot.report == rep]
        ids.append(tuple(row["row_id"]))
        months.append(m)
        if len(row):
            stated_months.append(m)
            v = float(row["value"].iloc[0])
            star = " *" if bool(row["secondary"].iloc[0]) else ""
            rates.append(v / m)
            texts.append(ctx.n(v / m, 1) + star)
            secondary.append(bool(star))
            labels.append(f"{head}\n{ctx.t('word.total_in_report').format(total=ctx.n(v))}{star}")
        else:
            rates.append(0.0)
            texts.append(ctx.t("word.no_total"))
            secondary.append(False)
            labels.append(head)
    ctx.facts["months"] = format_list([ctx.n(m) for m in stated_months], locale=ctx.lang)
    fig, ax = _new(ctx, 0.62)
    black = ctx.fill("all_violations")
    keep = [i for i, tx in enumerate(texts) if tx != ctx.t("word.no_total")]
    bars = ax.bar(keep, [rates[i] for i in keep], color=black, width=0.7)
    for bar, i in zip(bars, keep):
        if secondary[i]:  # hollow: the same violations, a total read from a secondary page
            bar.set(facecolor="white", edgecolor=black, hatch="....", linewidth=ctx.sz.line * 1.5)
    _annotate(ax, bars, [texts[i] for i in keep], False, ctx.small)
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
    handles = [Patch(facecolor=black, edgecolor=black), Patch(facecolor="white", edgecolor=black, hatch="....")]
    key = dict(handles=handles, labels=[ctx.t("colour.all_violations"), ctx.t("word.secondary_total") + " (*)"],
               ncols=1)
    _finish(fig, ctx, fid, rows, note=ctx.t("word.capacity_caveat"), key=key)
    return fig, rows, [rates[i] for i in keep]
