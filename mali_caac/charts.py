"""Chart functions: a table of rows in, a figure in the house style out, at any size and in either language.

Each function takes the rows a recipe selected (with :func:`mali_caac.select`,
:func:`mali_caac.breakdown` ...) and returns a :class:`Chart`: what to draw,
not yet drawn. :func:`mali_caac.notebook.publish` draws it under a figure id
with the notebook's parameters (language, size, bare), titles and sources
it, saves it and shows it; ``chart.render(id, lang=..., size=...)`` draws it
anywhere else. The house style, the size presets, the French labels and
typography, the layout and the colours' meanings are inside; a recipe says
only what to draw::

    girls = breakdown("grave_violations", "region", violation="sexual_violence")
    publish("sexual_violence_by_region", charts.bars(girls, "region", violation="sexual_violence"), params)

Colours name a meaning, never a hex: ``violation=`` one of the six violations
(:data:`mali_caac.domain.VIOLATIONS`), or ``colour=`` a colour role of
:data:`mali_caac.colours.ROLES` (``"context"``, also called ``"neutral"``, for a figure that is not
about a violation); a chart of several series or sources takes ``colours=``, a list of roles
(``"target.schools"``, ``"source.S/2020/1105"`` ...), one for each. Each role has one colour in every figure.
"""
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Chart:
    """A chart described, not drawn: ``draw(ctx, fid)`` returns ``(figure, rows, drawn)``."""

    kind: str
    draw: Callable

    def render(self, fid, lang="en", size="double", bare=False):
        """Draw under figure id ``fid``: a :class:`mali_caac.figures.Rendered`."""
        from .figures import rendering

        return rendering.render_chart(self, fid, lang, size, bare)


def _colour(violation, colour):
    """The colour role (:mod:`mali_caac.colours`) of ``violation=`` or ``colour=``; a role that does not
    exist is refused with the roles allowed."""
    from . import colours
    from .domain import VIOLATIONS

    if (violation is None) == (colour is None):
        raise ValueError("give either violation= (one of the six violations) or colour= (a meaning such as 'neutral')")
    if violation is not None:
        if violation not in (*VIOLATIONS, "all"):
            raise ValueError(f"parameter 'violation': no violation {violation!r}; expected one of: "
                             f"{', '.join(VIOLATIONS)}, all")
        return colours.role_name(violation, parameter="violation")
    return colours.role_name(colour, parameter="colour")


def _axis(unit):
    """The axis label key of ``unit`` (children, attacks, incidents, schools, persons, cases ...)."""
    from .i18n import TEXT

    if f"axis.{unit}" not in TEXT:
        units = sorted(k[5:] for k in TEXT if k.startswith("axis."))
        raise ValueError(f"parameter 'unit' must be one of {', '.join(units)}, got {unit!r}")
    return f"axis.{unit}"


def bars(table, by, *, violation=None, colour=None, unit="children", sort=True, ratio=None):
    """Horizontal bars, one per row of ``table``, labelled with its ``by`` codes in the figure's
    language and its value (with the source's qualifier: "about", "at least" ...), largest first
    unless ``sort=False``."""
    from .figures import bars as drawing

    fill, axis = _colour(violation, colour), _axis(unit)
    if by not in table.columns:
        raise ValueError(f"parameter 'by' must be a column of the table ({', '.join(map(str, table.columns))}), got {by!r}")
    dataset = table.attrs.get("dataset")

    def draw(ctx, fid):
        return drawing.hbar_breakdown(ctx, fid, table, by, fill, axis, sort=sort, ratio=ratio, table=dataset)
    return Chart("bars", draw)


def period_bars(table, *, violation=None, colour=None, unit="children"):
    """Two panels for a breakdown by period: the count in each period (a) and the count per month
    (b), because the report's periods differ in length. The rate's axis names the unit where the
    vocabulary has a label for it (``axis.<unit>_per_month``)."""
    from .figures import periods as drawing
    from .i18n import TEXT

    fill, axis = _colour(violation, colour), _axis(unit)
    rate = f"{axis}_per_month"
    if rate not in TEXT:
        raise ValueError(f"parameter 'unit': no rate axis for {unit!r} per month; the units with one are "
                         f"{', '.join(sorted(k[5:-10] for k in TEXT if k.startswith('axis.') and k.endswith('_per_month')))}")
    if "period" not in table.columns:
        raise ValueError("period_bars needs a table with a 'period' column (a breakdown by period)")

    def draw(ctx, fid):
        return drawing.period_figure(ctx, fid, table, fill, axis, rate_axis=rate)
    return Chart("period_bars", draw)


# ----------------------------------------------------------------------------- recruitment and killing sections
def _columns(table, name, needed):
    """Refuse a table without the columns a chart draws from, naming the parameter and what it has."""
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ValueError(f"parameter {name!r} needs the column(s) {', '.join(missing)}; "
                         f"it has {', '.join(map(str, table.columns))}")


def summed_bars(groups, parts, *, labels="perpetrator", violation=None, colour=None, unit="children", ratio=0.75):
    """Horizontal bars of sums, largest first: ``groups`` has ``group``, ``value`` and ``row_ids`` (the rows
    of ``parts`` summed, as :func:`mali_caac.by_coalition` returns them); the figure cites ``parts``.
    ``labels`` names the vocabulary of the groups' codes."""
    from .figures import bars as drawing

    fill, axis = _colour(violation, colour), _axis(unit)
    _columns(groups, "groups", ["group", "value", "row_ids"])
    _columns(parts, "parts", ["row_id", "value"])
    summed = {i for ids in groups["row_ids"] for i in ids}
    unknown = sorted(summed - set(parts["row_id"]))
    if unknown:
        raise ValueError(f"parameter 'groups' sums rows that are not in 'parts': {', '.join(unknown)}")

    def draw(ctx, fid):
        return drawing.summed_hbars(ctx, fid, groups, parts, labels, fill, axis, ratio=ratio)
    return Chart("summed_bars", draw)


def bar_panels(*panels, violation=None, colour=None, unit="children", ratio=0.4):
    """Vertical bars in panels side by side, one panel per ``(table, by)`` pair, bars in the table's
    order labelled with its ``by`` codes (``"year"``: calendar years, printed as they are)."""
    from .figures import bars as drawing

    fill, axis = _colour(violation, colour), _axis(unit)
    if not panels:
        raise ValueError("bar_panels needs at least one (table, by) pair")
    for n, panel in enumerate(panels, 1):
        if not (isinstance(panel, tuple) and len(panel) == 2):
            raise ValueError(f"panel {n} must be a (table, by) pair, got {type(panel).__name__}")
        _columns(panel[0], f"panel {n}", [panel[1], "value", "row_id"])

    def draw(ctx, fid):
        return drawing.bar_panels(ctx, fid, panels, fill, axis, ratio=ratio)
    return Chart("bar_panels", draw)


# ----------------------------------------------------------------------------- attacks, abduction and denial, reintegration
def _meanings(colours, n, what):
    """The colour roles of ``colours`` (:mod:`mali_caac.colours`: a violation code or a role such as
    'target.schools'), one for each of the ``n`` ``what``; a role that does not exist is refused by name."""
    from . import colours as registry
    from .domain import VIOLATIONS

    if isinstance(colours, str) or len(colours) != n:
        raise ValueError(f"parameter 'colours' must be a list of {n} colour roles, one for each of the {what} "
                         f"(a violation such as {VIOLATIONS[0]!r}, or a role of mali_caac.colours.ROLES), got {colours!r}")
    return [registry.role_name(c, parameter="colours") for c in colours]


def _series(series):
    """Check ``series``, a dict {name: table}, whose names are words of the figures' vocabulary."""
    from .i18n import TEXT

    if not isinstance(series, dict) or not series:
        raise ValueError(f"parameter 'series' must be a dict {{name: table}}, got {type(series).__name__}")
    unknown = [k for k in series if f"word.{k}" not in TEXT]
    if unknown:
        words = sorted(k[5:] for k in TEXT if k.startswith("word."))
        raise ValueError(f"series names must be words with a translation ({', '.join(words)}), got {unknown}")
    return series


def _column(table, column, what):
    """Check that ``table`` has ``column`` and, if it is a breakdown, that it is one along ``column``."""
    if column not in table.columns:
        raise ValueError(f"{what} needs a table with a {column!r} column; its columns are "
                         f"{', '.join(map(str, table.columns))}")
    along = table.attrs.get("dimension")
    if along not in (None, column):
        raise ValueError(f"{what} needs a table with a {column!r} column: a breakdown by {column!r}, "
                         f"got a breakdown by {along!r}")


def grouped_period_bars(series, *, colours, labels="word", unit="children"):
    """Two panels of grouped bars, a group per period and a bar per series: the count in each period
    (a) and the count per month (b), because the report's periods differ in length; one key under
    both. ``series`` is ``{code: breakdown by period}``, its codes named in the figure's language from
    the vocabulary ``labels`` (a dimension such as ``"cause"``, or ``"word"`` for words such as
    ``"schools"``); ``colours`` gives each series' meaning (a violation code or "neutral" ...)."""
    from .figures import periods as drawing

    if labels == "word":
        series = _series(series)
    elif not isinstance(series, dict) or not series:
        raise ValueError(f"parameter 'series' must be a dict {{code: table}}, got {type(series).__name__}")
    axis = _axis(unit)
    fills = _meanings(colours, len(series), "series")
    periods = None
    for code, table in series.items():
        _column(table, "period", "grouped_period_bars")
        _columns(table, f"series {code!r}", ["value", "row_id"])
        these = sorted(map(str, table["period"]))
        if periods is not None and these != periods:
            raise ValueError(f"series {code!r} has the periods {', '.join(these)}; the first has {', '.join(periods)}")
        periods = these

    def draw(ctx, fid):
        return drawing.period_grouped(ctx, fid, series, labels, fills, axis)
    return Chart("grouped_period_bars", draw)


def grouped_bars(series, by, *, colours, unit="children", ratio=0.5):
    """Grouped bars, a group per code of ``by`` and a bar per series (``{name: breakdown}``). A code
    a series leaves out is drawn as the sources imply it: 0 where that series is a complete list of
    its stated total (its CSV row cites the total), hatched 'not stated' where nothing determines it."""
    from .figures import bars as drawing

    series, axis = _series(series), _axis(unit)
    fills = _meanings(colours, len(series), "series")
    for table in series.values():
        _column(table, by, "grouped_bars")

    def draw(ctx, fid):
        return drawing.grouped_implied_figure(ctx, fid, series, by, fills, axis, ratio)
    return Chart("grouped_bars", draw)


def share_bars(table, by, *, violation=None, colour=None, vocabulary=None, ratio=None):
    """Horizontal bars of the shares (per cent, on a 0-100 axis) a source gives for the parts of a whole,
    in the table's order, each written with its qualifier and per cent sign in the figure's language.
    Bars are labelled with the ``by`` codes of that dimension, or from ``vocabulary`` (e.g.
    ``"attribution"``); a share that could not be attributed is drawn in the colour of 'unattributed'."""
    from .figures import bars as drawing

    fill = _colour(violation, colour)
    _column(table, by, "share_bars")
    prefix = _vocabulary(vocabulary) if vocabulary is not None else None
    units = set(table["unit"].astype(str))
    if units != {"percent"}:
        raise ValueError(f"share_bars draws per cent shares: the table's unit must be 'percent', got {sorted(units)}")

    def draw(ctx, fid):
        return drawing.share_bars(ctx, fid, table, by, fill, prefix, ratio)
    return Chart("share_bars", draw)


def dated_points(table, *, colours, unit="schools"):
    """A point per row at its month (``as_of``, YYYY-MM), written with its month and value, on a date
    axis; one colour and marker per source (``colours``, in the order of the sources' first dates), so
    that figures from different sources are told apart."""
    from .figures import series as drawing

    axis = _axis(unit)
    _column(table, "as_of", "dated_points")
    bad = [d for d in table["as_of"].astype(str) if len(d) != 7]
    if bad:
        raise ValueError(f"dated_points needs months (YYYY-MM) in 'as_of', got {bad}")
    sources = list(dict.fromkeys(table.sort_values("as_of", kind="stable")["source_id"]))
    fills = _meanings(colours, len(sources), f"sources ({', '.join(sources)})")

    def draw(ctx, fid):
        return drawing.dated_points_figure(ctx, fid, table, dict(zip(sources, fills)), axis)
    return Chart("dated_points", draw)


def region_period_bars(by_region, by_period, *, violation=None, colour=None, unit="children"):
    """Where and when, in three panels: the count by region (a), by period (b) and per month (c),
    because the report's periods differ in length."""
    from .figures import periods as drawing

    fill, axis = _colour(violation, colour), _axis(unit)
    _column(by_region, "region", "region_period_bars (by_region)")
    _column(by_period, "period", "region_period_bars (by_period)")

    def draw(ctx, fid):
        return drawing.region_period_figure(ctx, fid, by_region, by_period, fill, axis)
    return Chart("region_period_bars", draw)


def row_bars(table, labels, *, violation=None, colour=None, unit="persons", sort=True, ratio=None, small_labels=False):
    """Horizontal bars, one per row of ``table``, each labelled with its own text ``labels.<row_id>``
    (a group as the source names it, in the figure's language), largest first unless ``sort=False``."""
    from .figures import bars as drawing
    from .i18n import TEXT

    fill, axis = _colour(violation, colour), _axis(unit)
    missing = [r for r in table["row_id"] if f"{labels}.{r}" not in TEXT]
    if missing:
        raise ValueError(f"parameter 'labels': no text {labels}.<row_id> for rows {', '.join(missing)}")
    if sort:
        table = table.sort_values("value", ascending=False, kind="stable")

    def draw(ctx, fid):
        return drawing.hbar_rows(ctx, fid, table, [ctx.t(f"{labels}.{r}") for r in table["row_id"]], fill, axis,
                                table.attrs.get("dataset"), ratio, ctx.small if small_labels else None)
    return Chart("row_bars", draw)


# ----------------------------------------------------------------------------- overview, US assistance, civilian harm
def _column_named(table, name, parameter):
    """Refuse a ``parameter`` whose value ``name`` is not a column of the table."""
    if name not in table.columns:
        raise ValueError(f"parameter {parameter!r} must be a column of the table "
                         f"({', '.join(map(str, table.columns))}), got {name!r}")


def _vocabulary(prefix):
    """Check that ``prefix`` names a vocabulary of labels (claimant, measure, country ...)."""
    from .i18n import TEXT

    if not any(k.startswith(f"{prefix}.") for k in TEXT):
        known = sorted({k.split(".")[0] for k in TEXT if "." in k})
        raise ValueError(f"parameter 'vocabulary' must be one of {', '.join(known)}, got {prefix!r}")
    return prefix


def dots(table, by, *, vocabulary, unit, colour="neutral", ratio=0.4):
    """One dot per row on a line from zero, in table order, labelled with its ``by`` code in the
    vocabulary ``vocabulary`` (e.g. ``"claimant"``) and its value with the source's qualifier: counts
    that disagree, shown side by side and never summed."""
    from .figures import dots as drawing

    fill, axis = _colour(None, colour), _axis(unit)
    _column_named(table, by, "by")
    prefix, dataset = _vocabulary(vocabulary), table.attrs.get("dataset")

    def draw(ctx, fid):
        return drawing.dots(ctx, fid, table, [ctx.t(f"{prefix}.{c}") for c in table[by]], fill, axis, dataset, ratio)
    return Chart("dots", draw)


def monitor_counts(table):
    """A dot table of counts of civilian harm: one panel per monitor (``reported_by``), each row with
    what is counted, its period and its unit. The counts overlap: they are not added up, and monitors
    are not ranked against each other."""
    from .figures import dots as drawing

    _column_named(table, "reported_by", "table")

    def draw(ctx, fid):
        return drawing.monitor_counts(ctx, fid, table)
    return Chart("monitor_counts", draw)


def usd_bars(table, by="measure", *, vocabulary="measure", colour="neutral", sort=True, ratio=0.35):
    """Horizontal bars of amounts in US dollars, drawn in millions and labelled as the source prints
    them ("about $74 million"), one per row, named by their ``by`` code in ``vocabulary``; largest first
    unless ``sort=False``."""
    from .figures import bars as drawing

    fill = _colour(None, colour)
    _column_named(table, by, "by")
    prefix = _vocabulary(vocabulary)
    if sort:
        table = table.sort_values("value", ascending=False, kind="stable")

    def draw(ctx, fid):
        return drawing.usd_bars(ctx, fid, table, [ctx.t(f"{prefix}.{m}") for m in table[by]], fill, ratio)
    return Chart("usd_bars", draw)


def amounts_by_period(table):
    """US amounts (rows of ``us_assistance``) as a dot table, one panel per period as the factsheet
    words it, with the factsheet's sections: cumulative amounts of different periods are not ranked
    against each other."""
    from .figures import dots as drawing

    _column_named(table, "measure", "table")

    def draw(ctx, fid):
        return drawing.amounts_by_period(ctx, fid, table)
    return Chart("amounts_by_period", draw)


def provider_bars(table, *, highlight, unit="persons"):
    """Horizontal bars, one per row, labelled with its ``provider`` and period ("since 2001" where the
    end is not stated), largest first; the provider ``highlight`` in the accent colour, others neutral."""
    from .figures import bars as drawing

    axis = _axis(unit)
    _column_named(table, "provider", "table")
    providers = sorted(table["provider"].astype(str).unique())
    if highlight not in providers:
        raise ValueError(f"parameter 'highlight' must be one of {', '.join(providers)}, got {highlight!r}")
    table = table.sort_values("value", ascending=False, kind="stable")

    def draw(ctx, fid):
        return drawing.provider_bars(ctx, fid, table, highlight, axis)
    return Chart("provider_bars", draw)


def ranks(table, by, *, vocabulary, highlight):
    """Positions in a stated order (``rank``), one dot per row, labelled with its ``by`` code in
    ``vocabulary``: ranks, not amounts. The row whose ``by`` is ``highlight`` is in the accent colour."""
    from .figures import dots as drawing

    _column_named(table, by, "by")
    _column_named(table, "rank", "table")
    prefix = _vocabulary(vocabulary)
    if highlight not in set(table[by].astype(str)):
        raise ValueError(f"parameter 'highlight' must be one of {', '.join(table[by].astype(str))}, got {highlight!r}")
    table = table.sort_values("rank", kind="stable")

    def draw(ctx, fid):
        return drawing.ranks(ctx, fid, table, by, prefix, highlight)
    return Chart("ranks", draw)


def aid_series(table):
    """Yearly series of US aid (rows of ``us_aid_series``), one line per ``transaction_type``, in
    millions of dollars, open markers for incomplete years, and the coups marked as dashed lines."""
    from .figures import series as drawing

    for name in ("fiscal_year", "transaction_type", "complete"):
        _column_named(table, name, "table")

    def draw(ctx, fid):
        return drawing.aid_series(ctx, fid, table)
    return Chart("aid_series", draw)


def sectors_against_fae(sectors, fae):
    """One bar for the sum of the factsheet's sectors (``sectors``, rows of ``us_assistance``; "about":
    a sum of rounded amounts) against Foreign Aid Explorer's obligations and disbursements (``fae``,
    rows of ``us_aid_series``), in millions of US dollars: two sources' amounts for one year side by side."""
    from .figures import bars as drawing

    _column_named(fae, "transaction_type", "fae")
    kinds = set(fae["transaction_type"].astype(str))
    if not kinds <= {"obligations", "disbursements"}:
        raise ValueError(f"parameter 'fae' must hold obligations and disbursements only, got {sorted(kinds)}")
    fae = fae.sort_values("transaction_type", key=lambda s: s.astype(str).map({"obligations": 0, "disbursements": 1}))

    def draw(ctx, fid):
        return drawing.sectors_against_fae(ctx, fid, sectors, fae)
    return Chart("sectors_against_fae", draw)


def violation_totals(table):
    """One bar per violation, in the violation's colour, labelled with the violation and the unit the
    report counts it in (cases, children, attacks, incidents): each violation in its own unit."""
    from .figures import bars as drawing

    for name in ("violation", "unit"):
        _column_named(table, name, "table")

    def draw(ctx, fid):
        return drawing.violation_totals(ctx, fid, table)
    return Chart("violation_totals", draw)


def rates_by_period(table):
    """Grouped bars: for each period, one bar per violation showing its count per month (the report's
    periods differ in length). Rows of the same violation and period (parts the report counts apart,
    such as attacks on schools and on hospitals) are summed into one bar."""
    from .figures import periods as drawing

    for name in ("violation", "period"):
        _column_named(table, name, "table")

    def draw(ctx, fid):
        return drawing.rates_by_period(ctx, fid, table)
    return Chart("rates_by_period", draw)


def reports_compared(table, *, previous, current="all"):
    """Grouped bars per violation: its count per month in the period ``previous`` (the previous report)
    beside the period ``current`` (this report), each bar printing the rate it draws and each report's total
    under the violation's name; each report in its source's colour role."""
    from .figures import periods as drawing

    _column_named(table, "period", "table")
    periods = set(table["period"].astype(str))
    for name, value in (("previous", previous), ("current", current)):
        if value not in periods:
            raise ValueError(f"parameter {name!r} must be a period of the table ({', '.join(sorted(periods))}), got {value!r}")

    def draw(ctx, fid):
        return drawing.reports_compared(ctx, fid, table, previous, current)
    return Chart("reports_compared", draw)


def region_heatmap(counts, how, cited):
    """A table of the six violations (rows) by region (columns) on the classed colour scale, each cell
    with its number; hatched where the sources state no figure. ``counts, how`` are
    :func:`mali_caac.violations_by` with ``derived=True``; ``cited``: rows the cells may come from, of
    which those of the regions drawn are listed as the figure's rows."""
    from .figures import maps as _maps

    if list(counts.index) != list(how.index) or list(counts.columns) != list(how.columns):
        raise ValueError("parameters 'counts' and 'how' must come from one call of violations_by(..., derived=True)")
    _column_named(cited, "region", "cited")

    def draw(ctx, fid):
        return _maps._region_heatmap(ctx, fid, counts, how, cited[cited["region"].isin(counts.columns)])
    return Chart("region_heatmap", draw)


def map_regions():
    """The regions the maps draw (those with boundaries, geoBoundaries), in the map's order."""
    from .geography import load_regions_geometry

    return list(load_regions_geometry()["region"])


def region_map(counts, how, totals, cited):
    """One map of Mali's regions per violation and one for all six together, on one classed colour
    scale; hatched where the sources state no figure. ``counts, how``: :func:`mali_caac.violations_by`
    over :func:`map_regions` with ``derived=True``; ``totals``: rows of the violations of all six by
    region; ``cited``: rows the cells may come from (those of the mapped regions are listed)."""
    from .figures import maps as _maps

    regions = map_regions()
    if list(counts.columns) != regions:
        raise ValueError(f"parameter 'counts' must have the map's regions as columns, in order: {', '.join(regions)} "
                         "(violations_by('region', charts.map_regions(), derived=True))")
    for name, frame in (("totals", totals), ("cited", cited)):
        _column_named(frame, "region", name)

    def draw(ctx, fid):
        return _maps._region_map(ctx, fid, counts, how, totals[totals["region"].isin(regions)],
                                 cited[cited["region"].isin(regions)])
    return Chart("region_map", draw)


def report_rates(table):
    """One bar per country report (in the order of the reports): its total divided by the months it
    covers, its rate printed on it and its total in its label; a total read from a secondary page starred and
    drawn hollow (with a key entry), a report without a total marked as such."""
    from .figures import periods as drawing

    _column_named(table, "report", "table")

    def draw(ctx, fid):
        return drawing.report_rates(ctx, fid, table)
    return Chart("report_rates", draw)
