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
(:data:`mali_caac.domain.VIOLATIONS`), or ``colour=`` one of
``"neutral"``, ``"accent"``, ``"unattributed"``; a chart of several series or sources takes
``colours=``, a list of such meanings (a violation code or a neutral one), one for each.
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
        from .figures import _core

        return _core.render_chart(self, fid, lang, size, bare)


def _colour(violation, colour):
    from . import style

    if (violation is None) == (colour is None):
        raise ValueError("give either violation= (one of the six violations) or colour= (a meaning such as 'neutral')")
    return style.colour_for("violation", violation) if violation else style.colour_for(colour)


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
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    if by not in table.columns:
        raise ValueError(f"parameter 'by' must be a column of the table ({', '.join(map(str, table.columns))}), got {by!r}")
    dataset = table.attrs.get("dataset")

    def draw(ctx, fid):
        return _core._hbar_breakdown(ctx, fid, table, by, fill, axis, sort=sort, ratio=ratio, table=dataset)
    return Chart("bars", draw)


def period_bars(table, *, violation=None, colour=None, unit="children"):
    """Two panels for a breakdown by period: the count in each period (a) and the count per month
    (b), because the report's periods differ in length. The rate's axis names the unit where the
    vocabulary has a label for it (``axis.<unit>_per_month``)."""
    from .figures import _core
    from .i18n import TEXT

    fill, axis = _colour(violation, colour), _axis(unit)
    rate = f"{axis}_per_month" if f"{axis}_per_month" in TEXT else "axis.per_month"
    if "period" not in table.columns:
        raise ValueError("period_bars needs a table with a 'period' column (a breakdown by period)")

    def draw(ctx, fid):
        return _core._period_figure(ctx, fid, table, fill, axis, rate_axis=rate)
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
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    _columns(groups, "groups", ["group", "value", "row_ids"])
    _columns(parts, "parts", ["row_id", "value"])
    summed = {i for ids in groups["row_ids"] for i in ids}
    unknown = sorted(summed - set(parts["row_id"]))
    if unknown:
        raise ValueError(f"parameter 'groups' sums rows that are not in 'parts': {', '.join(unknown)}")

    def draw(ctx, fid):
        return _core._summed_hbars(ctx, fid, groups, parts, labels, fill, axis, ratio=ratio)
    return Chart("summed_bars", draw)


def bar_panels(*panels, violation=None, colour=None, unit="children", ratio=0.4):
    """Vertical bars in panels side by side, one panel per ``(table, by)`` pair, bars in the table's
    order labelled with its ``by`` codes (``"year"``: calendar years, printed as they are)."""
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    if not panels:
        raise ValueError("bar_panels needs at least one (table, by) pair")
    for n, panel in enumerate(panels, 1):
        if not (isinstance(panel, tuple) and len(panel) == 2):
            raise ValueError(f"panel {n} must be a (table, by) pair, got {type(panel).__name__}")
        _columns(panel[0], f"panel {n}", [panel[1], "value", "row_id"])

    def draw(ctx, fid):
        return _core._bar_panels(ctx, fid, panels, fill, axis, ratio=ratio)
    return Chart("bar_panels", draw)


# ----------------------------------------------------------------------------- attacks, abduction and denial, reintegration
def _meanings(colours, n, what):
    """The hex colours of ``colours``, a list of meanings (a violation code or 'neutral', 'accent' ...),
    one for each of the ``n`` ``what``."""
    from . import style
    from .domain import VIOLATIONS

    if isinstance(colours, str) or len(colours) != n:
        raise ValueError(f"parameter 'colours' must be a list of {n} meanings, one for each of the {what} "
                         f"(a violation such as {VIOLATIONS[0]!r}, or 'neutral', 'accent' ...), got {colours!r}")
    return [style.colour_for("violation", c) if c in VIOLATIONS else style.colour_for(c) for c in colours]


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
    from .figures import _core

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
        return _core._period_grouped(ctx, fid, series, labels, fills, axis)
    return Chart("grouped_period_bars", draw)


def grouped_bars(series, by, *, colours, unit="children", ratio=0.5):
    """Grouped bars, a group per code of ``by`` and a bar per series (``{name: breakdown}``). A code
    a series leaves out is drawn as the sources imply it: 0 where that series is a complete list of
    its stated total (its CSV row cites the total), hatched 'not stated' where nothing determines it."""
    from .figures import _core

    series, axis = _series(series), _axis(unit)
    fills = _meanings(colours, len(series), "series")
    for table in series.values():
        _column(table, by, "grouped_bars")

    def draw(ctx, fid):
        return _core._grouped_implied_figure(ctx, fid, series, by, fills, axis, ratio)
    return Chart("grouped_bars", draw)


def share_bars(table, by, *, violation=None, colour=None, ratio=None):
    """Horizontal bars of the shares (per cent) a source gives for the parts of a whole, in data
    order, each written with its per cent sign."""
    from .figures import _core

    fill = _colour(violation, colour)
    _column(table, by, "share_bars")
    units = set(table["unit"].astype(str))
    if units != {"percent"}:
        raise ValueError(f"share_bars draws per cent shares: the table's unit must be 'percent', got {sorted(units)}")

    def draw(ctx, fid):
        return _core._share_figure(ctx, fid, table, by, fill, ratio)
    return Chart("share_bars", draw)


def dated_points(table, *, colours, unit="schools"):
    """A point per row at its month (``as_of``, YYYY-MM), written with its month and value, on a date
    axis; one colour and marker per source (``colours``, in the order of the sources' first dates), so
    that figures from different sources are told apart."""
    from .figures import _core

    axis = _axis(unit)
    _column(table, "as_of", "dated_points")
    bad = [d for d in table["as_of"].astype(str) if len(d) != 7]
    if bad:
        raise ValueError(f"dated_points needs months (YYYY-MM) in 'as_of', got {bad}")
    sources = list(dict.fromkeys(table.sort_values("as_of", kind="stable")["source_id"]))
    fills = _meanings(colours, len(sources), f"sources ({', '.join(sources)})")

    def draw(ctx, fid):
        return _core._dated_points_figure(ctx, fid, table, dict(zip(sources, fills)), axis)
    return Chart("dated_points", draw)


def region_period_bars(by_region, by_period, *, violation=None, colour=None, unit="children"):
    """Where and when, in three panels: the count by region (a), by period (b) and per month (c),
    because the report's periods differ in length."""
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    _column(by_region, "region", "region_period_bars (by_region)")
    _column(by_period, "period", "region_period_bars (by_period)")

    def draw(ctx, fid):
        return _core._region_period_figure(ctx, fid, by_region, by_period, fill, axis)
    return Chart("region_period_bars", draw)


def row_bars(table, labels, *, violation=None, colour=None, unit="persons", sort=True, ratio=None, small_labels=False):
    """Horizontal bars, one per row of ``table``, each labelled with its own text ``labels.<row_id>``
    (a group as the source names it, in the figure's language), largest first unless ``sort=False``."""
    from .figures import _core
    from .i18n import TEXT

    fill, axis = _colour(violation, colour), _axis(unit)
    missing = [r for r in table["row_id"] if f"{labels}.{r}" not in TEXT]
    if missing:
        raise ValueError(f"parameter 'labels': no text {labels}.<row_id> for rows {', '.join(missing)}")
    if sort:
        table = table.sort_values("value", ascending=False, kind="stable")

    def draw(ctx, fid):
        return _core._hbar_rows(ctx, fid, table, [ctx.t(f"{labels}.{r}") for r in table["row_id"]], fill, axis,
                                table.attrs.get("dataset"), ratio, ctx.small if small_labels else None)
    return Chart("row_bars", draw)
